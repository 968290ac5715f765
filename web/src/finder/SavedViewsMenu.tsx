import { useState } from 'react';
import { Button, Menu, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconChevronDown } from '@tabler/icons-react';
import { api, unwrap } from '../api/client';
import { describeError } from '../api/problems';
import type { ViewQuestion } from './finderState';
import type { SavedView } from './finderApi';
import { SaveViewModal } from './SaveViewModal';

interface Props {
  siteId: string;
  myId: string | undefined;
  views: SavedView[];
  loading: boolean;
  failed: boolean;
  current: SavedView | null;
  /** The current view no longer shows what it saved. */
  changed: boolean;
  question: ViewQuestion;
  mayShare: boolean;
  mayManageShared: boolean;
  onApply: (view: SavedView) => void;
  onSaved: (view: SavedView) => void;
  onDeleted: (view: SavedView) => void;
}

/** Apply a saved view, save the current state as one, or update or delete one of your views. */
export function SavedViewsMenu(props: Props) {
  const { siteId, myId, views, loading, failed, current, changed, question, mayShare, mayManageShared } = props;
  const [editing, setEditing] = useState<{ view: SavedView | null } | null>(null);
  const mine = views.filter((v) => v.ownerId === myId);
  const shared = views.filter((v) => v.ownerId !== myId);
  const mayChange = current !== null && (current.ownerId === myId || (current.shared === true && mayManageShared));

  const confirmDelete = (view: SavedView) =>
    modals.openConfirmModal({
      title: `Delete “${view.name}”?`,
      children: <Text size="sm">{view.shared ? 'Everyone at this site loses this shared view.' : 'This removes it from your views.'}</Text>,
      labels: { confirm: 'Delete view', cancel: 'Keep it' },
      confirmProps: { color: 'red.9' },
      onConfirm: async () => {
        try {
          await unwrap(api.DELETE('/api/v1/sites/{siteId}/interaction-views/{id}', { params: { path: { siteId, id: view.id! } } }));
          notifications.show({ color: 'green', title: 'View deleted', message: `“${view.name}” is gone.` });
          props.onDeleted(view);
        } catch (error) {
          notifications.show({ color: 'red', title: 'The view was not deleted', message: describeError(error) });
        }
      },
    });

  const item = (view: SavedView) => (
    <Menu.Item key={view.id} onClick={() => props.onApply(view)} aria-current={view.id === current?.id ? 'true' : undefined}>
      {view.name}
      {view.shared && view.ownerId === myId ? ' (shared)' : ''}
    </Menu.Item>
  );

  return (
    <>
      <Menu position="bottom-end" width={280} withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} maw={260}>
            <Text span size="sm" fw={600} truncate>
              {current ? `View: ${current.name}${changed ? ' (changed)' : ''}` : 'Views'}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {loading && <Menu.Label>Loading views…</Menu.Label>}
          {failed && <Menu.Label>Views could not be loaded</Menu.Label>}
          {!loading && !failed && views.length === 0 && <Menu.Label>No saved views yet</Menu.Label>}
          {mine.length > 0 && <Menu.Label>Your views</Menu.Label>}
          {mine.map(item)}
          {shared.length > 0 && <Menu.Label>Shared with this site</Menu.Label>}
          {shared.map(item)}
          <Menu.Divider />
          <Menu.Item onClick={() => setEditing({ view: null })}>Save as a new view…</Menu.Item>
          {current && mayChange && (
            <>
              <Menu.Item onClick={() => setEditing({ view: current })}>Update “{current.name}”…</Menu.Item>
              <Menu.Item color="red.9" onClick={() => confirmDelete(current)}>
                Delete “{current.name}”…
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        siteId={siteId}
        existing={editing?.view ?? null}
        question={question}
        mayShare={mayShare}
        onSaved={(view) => {
          setEditing(null);
          props.onSaved(view);
        }}
      />
    </>
  );
}
