import { Alert, Anchor, Button, Group, List, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { describeError } from '../api/problems';
import type { Merge, ValueKey } from './conflict';
import { LABELS, type InteractionField, type InteractionValues } from './interactionSchema';
import type { Versioned } from './interactionsApi';
import { formatInstantIn, formatWithOffset, toInstant } from './time';

export type ConflictState =
  | { status: 'loading' }
  | { status: 'loaded'; latest: Versioned; merge: Merge; latestValues: InteractionValues }
  | { status: 'gone' }
  | { status: 'failed'; error: unknown };

/** Fields as people know them: the occurrence of an ambiguous time belongs to that time. */
function fieldsOf(keys: ValueKey[]): InteractionField[] {
  const fields = keys.map((key) => (key === 'startOccurrence' ? 'start' : key === 'endOccurrence' ? 'end' : key));
  return [...new Set(fields)];
}

function shown(values: InteractionValues, field: InteractionField): string {
  if (field === 'start' || field === 'end') {
    const text = values[field];
    if (!text) return '(empty)';
    const instant = toInstant(text, values.timezone, field === 'start' ? values.startOccurrence : values.endOccurrence);
    return instant ? formatWithOffset(instant) : text;
  }
  return values[field] || '(empty)';
}

interface Props {
  state: ConflictState | null;
  mine: InteractionValues;
  finderPath: string;
  nameOf: (id: string | null | undefined) => string;
  onKeepMine: () => void;
  onUseLatest: () => void;
  onClose: () => void;
}

/**
 * After a 412: says what happened, shows where the user's values and the latest saved ones
 * differ, and lets them carry their edits onto the latest version (then Save again) or take the
 * latest version. Nothing is saved from here, so nobody's change is overwritten unseen.
 */
export function ConflictDialog({ state, mine, finderPath, nameOf, onKeepMine, onUseLatest, onClose }: Props) {
  return (
    <Modal
      opened={state !== null}
      onClose={onClose}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Someone else saved this interaction while you were editing"
    >
      {state?.status === 'loading' && (
        <Group>
          <Loader size="sm" role="status" aria-label="Loading the latest version" />
          <Text>Loading the latest version…</Text>
        </Group>
      )}
      {state?.status === 'failed' && (
        <Stack>
          <Alert color="red" title="The latest version could not be loaded">
            {describeError(state.error)} Your changes are still in the form, not saved.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Back to my changes</Button>
          </Group>
        </Stack>
      )}
      {state?.status === 'gone' && (
        <Stack>
          <Text>
            It has been deleted since you opened it, so your changes cannot be saved here. They are still in the form: copy anything you
            need, then <Anchor component={Link} to={finderPath}>go back to the interactions</Anchor>. A site administrator can restore it from
            the trash.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Back to my changes</Button>
          </Group>
        </Stack>
      )}
      {state?.status === 'loaded' && (
        <ConflictDetails state={state} mine={mine} nameOf={nameOf} onKeepMine={onKeepMine} onUseLatest={onUseLatest} />
      )}
    </Modal>
  );
}

function ConflictDetails({
  state,
  mine,
  nameOf,
  onKeepMine,
  onUseLatest,
}: {
  state: Extract<ConflictState, { status: 'loaded' }>;
  mine: InteractionValues;
  nameOf: Props['nameOf'];
  onKeepMine: () => void;
  onUseLatest: () => void;
}) {
  const { latest, merge, latestValues } = state;
  const who = nameOf(latest.interaction.updatedBy);
  const when = formatInstantIn(latest.interaction.updatedAt, Intl.DateTimeFormat().resolvedOptions().timeZone);
  const conflicting = fieldsOf(merge.conflicting);
  const theirs = fieldsOf(merge.theirs);
  return (
    <Stack>
      <Text>
        {who === 'you' ? 'You saved it in another tab or window' : `It was saved by ${who}`}
        {when ? ` on ${when}` : ''}. Nothing has been overwritten: your changes are still in the form, not saved yet.
      </Text>
      {conflicting.length > 0 && (
        <>
          <Text fw={600}>You both changed these fields:</Text>
          <Table.ScrollContainer minWidth={520}>
            <Table withTableBorder withColumnBorders verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Field</Table.Th>
                  <Table.Th scope="col">Your version</Table.Th>
                  <Table.Th scope="col">Latest saved version</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflicting.map((field) => (
                  <Table.Tr key={field}>
                    <Table.Th scope="row">{LABELS[field]}</Table.Th>
                    <Table.Td>
                      <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
                        {shown(mine, field)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
                        {shown(latestValues, field)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {theirs.length > 0 && (
        <div>
          <Text>They also changed fields you did not touch; keeping your changes takes their values for these:</Text>
          <List size="sm" mt={4}>
            {theirs.map((field) => (
              <List.Item key={field}>
                {LABELS[field]}: {shown(latestValues, field)}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <Text size="sm" c="dimmed">
        Keeping your changes puts them on top of the latest version; check the form, then save again. Or drop your changes and show the
        latest version.
      </Text>
      <Group justify="flex-end" wrap="wrap">
        <Button variant="default" onClick={onUseLatest}>
          Discard my changes
        </Button>
        <Button onClick={onKeepMine} data-autofocus>
          Keep my changes on the latest version
        </Button>
      </Group>
    </Stack>
  );
}
