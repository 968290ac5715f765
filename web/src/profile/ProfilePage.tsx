import { Title } from '@mantine/core';

// Placeholder: being built (issue 4).
export default function ProfilePage() {
  return <Title order={1}>ProfilePage</Title>;
}
