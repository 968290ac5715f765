import { Alert, Button, Center, Stack } from '@mantine/core';
import { describeError } from '../api/problems';

/** A failed load, in words, with a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Center p="xl">
      <Stack maw={480}>
        <Alert color="red" title="This could not be loaded" role="alert">
          {describeError(error)}
        </Alert>
        {onRetry && (
          <Button variant="light" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Center>
  );
}
