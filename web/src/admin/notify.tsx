import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { describeError } from '../api/problems';

// Mantine's close buttons carry no name of their own; screen readers need one
const CLOSE = { 'aria-label': 'Close notification' };

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal.9', message, closeButtonProps: CLOSE });
}

/** A failed action in words: what failed, why, and (from the server's detail) what to do next. */
export function notifyFailure(what: string, error: unknown): void {
  notifications.show({ color: 'red.9', title: what, message: describeError(error), autoClose: 10_000, closeButtonProps: CLOSE });
}

/** Asks before an action that takes something away; the confirm button says what it does. */
export function confirmAction({
  title,
  body,
  confirm,
  danger = false,
  onConfirm,
}: {
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
  onConfirm: () => void;
}): void {
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{body}</Text>,
    labels: { confirm, cancel: 'Cancel' },
    // red.9 keeps white text above 4.5:1; Mantine's default red does not
    confirmProps: danger ? { color: 'red.9' } : {},
    closeButtonProps: { 'aria-label': 'Close' },
    onConfirm,
  });
}
