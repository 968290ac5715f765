import { Title } from '@mantine/core';

// Placeholder: being built (issue 4).
export default function FinderPage() {
  return <Title order={1}>FinderPage</Title>;
}
