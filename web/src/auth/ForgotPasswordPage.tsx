import { Title } from '@mantine/core';

// Placeholder: being built (issue 4).
export default function ForgotPasswordPage() {
  return <Title order={1}>ForgotPasswordPage</Title>;
}
