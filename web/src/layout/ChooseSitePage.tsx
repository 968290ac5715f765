import { Button, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { Navigate, useNavigate } from 'react-router';
import { useRememberSite } from '../auth/currentSite';
import { sitesOf, useMe } from '../auth/me';

/** After sign-in, a user with several sites picks one; the choice is remembered. */
export default function ChooseSitePage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const remember = useRememberSite();
  const sites = sitesOf(me);

  if (sites.length === 1) return <Navigate to={`/sites/${sites[0]!.site.id}/interactions`} replace />;

  const open = async (siteId: string) => {
    await remember(siteId);
    navigate(`/sites/${siteId}/interactions`);
  };

  return (
    <Center mih="100vh" p="md">
      <Stack w="100%" maw={560} component="main">
        <Title order={1}>Choose a site</Title>
        {sites.length === 0 ? (
          <Text>
            You are not a member of any site yet. Ask an administrator of your organisation to give you a role at a site.
          </Text>
        ) : (
          <Text>Pick the site you are working at. You can switch at any time from the header.</Text>
        )}
        {sites.map(({ organisation, site }) => (
          <Card key={site.id} withBorder>
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600}>{site.name}</Text>
                <Text size="sm" c="dimmed">
                  {organisation.name} · {site.role ? site.role.toLowerCase() : (organisation.role ?? '').toLowerCase()} · {site.timezone}
                </Text>
              </div>
              <Button onClick={() => open(site.id!)} aria-label={`Open ${site.name}`}>
                Open
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </Center>
  );
}
