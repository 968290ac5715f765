import { Title } from '@mantine/core';

// Placeholder: being built (issue 4).
export default function AdminPage() {
  return <Title order={1}>AdminPage</Title>;
}
