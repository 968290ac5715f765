import { AppShell, Burger, Group, Menu, NavLink, Select, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { clearTokens } from '../api/session';
import { rememberedSiteId, useRememberSite } from '../auth/currentSite';
import { canInOrganisation, sitesOf, useMe } from '../auth/me';

/** The signed-in frame: header with the site switcher and user menu, navigation, and the page. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { data: me } = useMe();
  const params = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const remember = useRememberSite();
  const client = useQueryClient();

  const sites = sitesOf(me);
  const siteId = params.siteId ?? rememberedSiteId(me) ?? sites[0]?.site.id;
  const current = sites.find((choice) => choice.site.id === siteId);
  const organisation = params.organisationId
    ? me?.organisations?.find((o) => o.id === params.organisationId)
    : current?.organisation;
  const administers = (me?.organisations ?? []).filter((o) => canInOrganisation(o, 'MEMBER_MANAGE') || canInOrganisation(o, 'SITE_MANAGE'));

  const switchSite = async (id: string | null) => {
    if (!id || id === siteId) return;
    await remember(id);
    navigate(`/sites/${id}/interactions`);
    close();
  };

  const signOut = async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    clearTokens();
    client.clear();
    navigate('/sign-in', { replace: true });
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text component={Link} to="/" fw={700} size="lg" c="indigo.9" td="none">
              Atrium
            </Text>
          </Group>
          <Group wrap="nowrap" gap="sm">
            {sites.length > 0 && (
              <Select
                aria-label="Current site"
                data={sites.map(({ organisation: o, site }) => ({
                  value: site.id!,
                  label: sites.some((other) => other.organisation.id !== o.id) ? `${site.name} (${o.name})` : site.name!,
                }))}
                value={current?.site.id ?? null}
                placeholder="Choose a site"
                onChange={switchSite}
                allowDeselect={false}
                w={{ base: 150, sm: 260 }}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label="Account menu" px="xs">
                  <Text size="sm" fw={500} visibleFrom="sm">
                    {me?.user?.displayName}
                  </Text>
                  <Text hiddenFrom="sm" aria-hidden>
                    ☰
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me?.user?.email}</Menu.Label>
                <Menu.Item component={Link} to="/profile">
                  Profile and security
                </Menu.Item>
                <Menu.Item onClick={signOut}>Sign out</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {current && (
          <>
            <NavLink
              component={Link}
              to={`/sites/${current.site.id}/interactions`}
              label="Interactions"
              active={location.pathname === `/sites/${current.site.id}/interactions`}
              onClick={close}
            />
            <NavLink
              component={Link}
              to={`/sites/${current.site.id}/interactions/trash`}
              label="Trash"
              active={location.pathname.endsWith('/trash')}
              onClick={close}
            />
          </>
        )}
        {administers.map((o) => (
          <NavLink
            key={o.id}
            component={Link}
            to={`/organisations/${o.id}/admin`}
            label={administers.length > 1 ? `Administration: ${o.name}` : 'Administration'}
            active={location.pathname.startsWith(`/organisations/${o.id}/admin`)}
            onClick={close}
          />
        ))}
        <NavLink component={Link} to="/profile" label="Profile and security" active={location.pathname === '/profile'} onClick={close} />
        {organisation && (
          <Text size="xs" c="dimmed" mt="auto" p="xs">
            {organisation.name}
          </Text>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
