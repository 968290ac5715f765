import { Alert, Button, Code, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { readableTitle } from '../auth/alertStyles';
import { recoveryCodesFile } from './device';

/** Recovery codes, shown once after they are made: the user copies or downloads them, then says so. */
export function RecoveryCodesPanel({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const download = () => {
    const file = new Blob([recoveryCodesFile(email, codes, new Date())], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'atrium-recovery-codes.txt';
    link.click();
    // the click has started the download; the URL is no longer needed
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Alert color="yellow" variant="outline" title="Save your recovery codes now" role="region" aria-label="Your recovery codes" styles={readableTitle}>
      <Stack gap="sm">
        <Text size="sm">
          If you lose the phone with your authenticator app, each of these codes signs you in once instead of a code from
          the app. Atrium shows them only now: copy or download them and keep them somewhere safe, such as a password manager.
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Recovery codes">
          {codes.map((code) => (
            <li key={code}>
              <Code fz="md">{code}</Code>
            </li>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <CopyButton value={codes.join('\n')} timeout={2000}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy codes'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={download}>
            Download as a file
          </Button>
          <Button onClick={onDone}>I have saved them</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
