import { Title } from '@mantine/core';

// Placeholder: being built (issue 4).
export default function TrashPage() {
  return <Title order={1}>TrashPage</Title>;
}
