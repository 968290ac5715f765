import { Title } from '@mantine/core';

// Placeholder: being built (issue 4).
export default function InteractionFormPage() {
  return <Title order={1}>InteractionFormPage</Title>;
}
