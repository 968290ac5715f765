import { Title } from '@mantine/core';

// Placeholder: being built (issue 4).
export default function ResetPasswordPage() {
  return <Title order={1}>ResetPasswordPage</Title>;
}
