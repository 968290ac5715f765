/** RFC 9457 problem details as Atrium sends them, and helpers to show them to people. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** Thrown for every non-2xx answer; carries the problem so screens can react to its type. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The last segment of the problem type, e.g. "validation", "module-disabled". */
  get code(): string {
    return (this.problem.type ?? '').split('/').pop() ?? '';
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) problem = (await response.json()) as Problem;
  } catch {
    // a body that is not JSON: fall back to the status line below
  }
  if (!problem.title && !problem.detail) {
    problem = { ...problem, title: statusTitle(response.status), status: response.status };
  }
  return new ApiError(response.status, problem);
}

/** A sentence for a notification: never raw JSON, never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const { detail, title } = error.problem;
    return detail || title || statusTitle(error.status);
  }
  if (error instanceof TypeError) return 'Atrium could not be reached. Check your connection and try again.';
  return 'Something went wrong. Try again, and tell your administrator if it keeps happening.';
}

function statusTitle(status: number): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'You may not do this.';
  if (status === 404) return 'Not found. It may have been deleted or you may not have access.';
  if (status === 409 || status === 412) return 'Someone else changed this in the meantime.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return 'Atrium had a problem answering. Try again in a moment.';
  return `Request failed (${status}).`;
}
