import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { useMe } from '../auth/me';
import { ErrorState } from '../layout/ErrorState';
import AuditSection from './AuditSection';
import InteractionTypesSection from './InteractionTypesSection';
import MembersSection from './MembersSection';
import { sectionsFor, type SectionPath } from './sections';
import SitesSection from './SitesSection';

/** Administration of one organisation: the sections the user may use, each at its own address. */
export default function AdminPage() {
  const { organisationId } = useParams();
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <Center h="40vh">
        <Loader role="status" aria-label="Loading administration" />
      </Center>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;

  const organisation = me.data.organisations?.find((o) => o.id === organisationId);
  const sections = sectionsFor(organisation);
  if (!organisation || sections.length === 0) {
    return (
      <Stack maw={600} p="md">
        <Title order={1}>Administration</Title>
        <Alert color="indigo.9" variant="outline" title="You may not administer this organisation" role="alert">
          Only an organisation’s owners and admins manage its sites, members, interaction types and audit log. If you need to,
          ask one of them to change your role.
        </Alert>
        <Group>
          <Button component={Link} to="/" variant="default">
            Back to your interactions
          </Button>
        </Group>
      </Stack>
    );
  }

  const base = `/organisations/${organisation.id}/admin`;
  const current = location.pathname.slice(base.length + 1).split('/')[0] as SectionPath | '';
  const element = (path: SectionPath) => {
    switch (path) {
      case 'sites':
        return <SitesSection organisationId={organisation.id!} />;
      case 'members':
        return <MembersSection organisation={organisation} />;
      case 'interaction-types':
        return <InteractionTypesSection organisationId={organisation.id!} />;
      case 'audit':
        return <AuditSection organisation={organisation} />;
    }
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{organisation.name}</Title>
        <Text c="dimmed">Administration</Text>
      </div>
      <nav aria-label="Administration">
        <Group gap="xs" wrap="wrap">
          {sections.map((section) => (
            <Button
              key={section.path}
              component={Link}
              to={`${base}/${section.path}`}
              variant={current === section.path ? 'filled' : 'default'}
              aria-current={current === section.path ? 'page' : undefined}
              size="sm"
            >
              {section.label}
            </Button>
          ))}
        </Group>
      </nav>
      <Routes>
        <Route index element={<Navigate to={`${base}/${sections[0]!.path}`} replace />} />
        {sections.map((section) => (
          <Route key={section.path} path={section.path} element={element(section.path)} />
        ))}
        <Route
          path="*"
          element={
            <Alert color="indigo.9" variant="outline" title="This section is not available" role="alert">
              The address names a section that does not exist or that your role does not open. Choose one of the sections above.
            </Alert>
          }
        />
      </Routes>
    </Stack>
  );
}
