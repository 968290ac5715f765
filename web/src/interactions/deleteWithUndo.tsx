import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import { describeError } from '../api/problems';
import { deleteInteraction, interactionKeys, isStatus, restoreInteraction } from './interactionsApi';
import { RETENTION_DAYS } from './trash';

interface Target {
  siteId: string;
  id: string;
  title: string;
  etag?: string;
}

/** Restores an interaction from the trash and says so; used by Undo and by the Trash page. */
export async function restoreWithNotice(client: QueryClient, { siteId, id, title }: Target): Promise<boolean> {
  try {
    await restoreInteraction(siteId, id);
    notifications.show({ color: 'teal', title: 'Restored', message: `“${title}” is back among the site's interactions.` });
    return true;
  } catch (error) {
    notifications.show({
      color: 'red',
      title: 'Could not restore',
      message: isStatus(error, 404)
        ? `“${title}” is no longer in the trash: it may have been restored already, or removed for good.`
        : describeError(error),
    });
    return false;
  } finally {
    await client.invalidateQueries({ queryKey: interactionKeys.lists(siteId) });
  }
}

/**
 * Asks for confirmation, moves the interaction to the trash, then offers Undo for a while.
 * `onDeleted` runs after the server agreed (the form uses it to go back to the Finder).
 */
export function confirmDelete(client: QueryClient, target: Target, onDeleted: () => void): void {
  modals.openConfirmModal({
    title: 'Delete this interaction?',
    centered: true,
    closeButtonProps: { 'aria-label': 'Close' },
    children: (
      <Text>
        “{target.title}” moves to the site's trash. A site administrator can restore it there for {RETENTION_DAYS} days; after
        that it is removed for good.
      </Text>
    ),
    labels: { confirm: 'Delete', cancel: 'Keep it' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      try {
        await deleteInteraction(target.siteId, target.id, target.etag);
      } catch (error) {
        notifications.show({
          color: 'red',
          title: 'Not deleted',
          message: isStatus(error, 412)
            ? 'Someone else saved this interaction since you opened it. Reload the page to see their changes, then decide.'
            : describeError(error),
        });
        return;
      }
      // leave the page first: its query would otherwise ask for the deleted interaction again
      onDeleted();
      client.removeQueries({ queryKey: interactionKeys.one(target.siteId, target.id) });
      void client.invalidateQueries({ queryKey: interactionKeys.lists(target.siteId) });
      const notice = notifications.show({
        color: 'indigo',
        title: 'Interaction deleted',
        autoClose: 12_000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">“{target.title}” is in the trash.</Text>
            <Button
              size="xs"
              variant="light"
              onClick={async () => {
                notifications.hide(notice);
                await restoreWithNotice(client, target);
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    },
  });
}
