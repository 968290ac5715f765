import { Alert, DataList, Stack, Text } from '@mantine/core';
import type { Interaction } from './interactionSchema';
import { formatInstantIn } from './time';

/** An interaction for someone who may read but not change it. */
export function InteractionReadView({ interaction, changedBy }: { interaction: Interaction; changedBy: string }) {
  const zone = interaction.timezone ?? '';
  const rows: Array<[string, string]> = [
    ['Type', interaction.type ?? ''],
    ['Lead', interaction.lead ?? ''],
    ['Start', formatInstantIn(interaction.start, zone)],
    ['End', formatInstantIn(interaction.end, zone) || 'Not recorded'],
    ['Time zone', zone],
    ['Location', interaction.location || 'Not recorded'],
  ];
  return (
    <Stack gap="lg">
      <Alert color="gray" title="Read only">
        Your role at this site lets you read interactions but not change or delete them. Ask a site administrator if you need to.
      </Alert>
      <DataList labelWidth={140}>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {(['description', 'notes'] as const).map((field) => (
        <section key={field} aria-label={field === 'description' ? 'Description' : 'Notes'}>
          <Text fw={600}>{field === 'description' ? 'Description' : 'Notes'}</Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{interaction[field] || 'None'}</Text>
        </section>
      ))}
      <Text size="sm" c="dimmed">
        Last changed {formatInstantIn(interaction.updatedAt, Intl.DateTimeFormat().resolvedOptions().timeZone)} by {changedBy}.
      </Text>
    </Stack>
  );
}
