import { Anchor, Breadcrumbs, Button, Center, Loader, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCurrentSite } from '../auth/currentSite';
import { can, useMe } from '../auth/me';
import { ErrorState } from '../layout/ErrorState';
import { NotFoundPage } from '../layout/NotFoundPage';
import { InteractionEditor } from './InteractionEditor';
import { InteractionReadView } from './InteractionReadView';
import { isStatus, useInteraction } from './interactionsApi';
import { usePeople } from '../organisation/directory';

/** /sites/:siteId/interactions/new and /sites/:siteId/interactions/:interactionId */
export default function InteractionFormPage() {
  const { siteId, interactionId } = useParams();
  const me = useMe();
  const choice = useCurrentSite();
  const { mentionOf: nameOf } = usePeople(me.data, choice?.organisation);
  const record = useInteraction(choice ? siteId : undefined, interactionId);

  if (me.isPending) {
    return (
      <Center h="40vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!choice) return <NotFoundPage />;

  const finderPath = `/sites/${choice.site.id}/interactions`;
  const canWrite = can(choice, 'INTERACTION_WRITE');
  const canDelete = can(choice, 'INTERACTION_DELETE');
  const creating = !interactionId;
  const heading = creating ? 'New interaction' : canWrite ? 'Edit interaction' : (record.data?.interaction.title ?? 'Interaction');

  const crumbs = (
    <Breadcrumbs separator="›" aria-label="Breadcrumb">
      <Anchor component={Link} to={finderPath}>
        Interactions at {choice.site.name}
      </Anchor>
      <Text component="span" aria-current="page">
        {creating ? 'New' : (record.data?.interaction.title ?? 'Interaction')}
      </Text>
    </Breadcrumbs>
  );

  let body;
  if (creating && !canWrite) {
    body = (
      <Stack align="flex-start">
        <Text>Your role at {choice.site.name} lets you read interactions but not record new ones. Ask a site administrator if you need to.</Text>
        <Button component={Link} to={finderPath} variant="light">
          Back to the interactions
        </Button>
      </Stack>
    );
  } else if (creating) {
    body = <InteractionEditor key="new" choice={choice} canDelete={false} nameOf={nameOf} />;
  } else if (record.isPending) {
    body = <FormSkeleton />;
  } else if (record.isError) {
    body = isStatus(record.error, 404) ? (
      <Stack align="flex-start">
        <Title order={2} size="h3">
          This interaction was not found
        </Title>
        <Text>It may have been deleted, or the link may be wrong.{canDelete ? ' Deleted interactions stay in the trash for 30 days.' : ''}</Text>
        <Button component={Link} to={finderPath} variant="light">
          Back to the interactions
        </Button>
        {canDelete && (
          <Anchor component={Link} to={`${finderPath}/trash`}>
            Look in the trash
          </Anchor>
        )}
      </Stack>
    ) : (
      <ErrorState error={record.error} onRetry={() => void record.refetch()} />
    );
  } else if (!canWrite) {
    body = <InteractionReadView interaction={record.data.interaction} changedBy={nameOf(record.data.interaction.updatedBy)} />;
  } else {
    body = <InteractionEditor key={interactionId} choice={choice} loaded={record.data} canDelete={canDelete} nameOf={nameOf} />;
  }

  return (
    <Stack maw={880} gap="md">
      {crumbs}
      <Title order={1}>{heading}</Title>
      {body}
    </Stack>
  );
}

function FormSkeleton() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the interaction">
      <Skeleton height={58} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Skeleton height={58} />
        <Skeleton height={58} />
        <Skeleton height={78} />
        <Skeleton height={78} />
      </SimpleGrid>
      <Skeleton height={58} />
      <Skeleton height={96} />
      <Skeleton height={96} />
      <Skeleton height={36} width={220} />
    </Stack>
  );
}
