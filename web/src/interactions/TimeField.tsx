import { Radio, Stack, TextInput } from '@mantine/core';
import { Controller, type Control, type UseFormRegisterReturn } from 'react-hook-form';
import type { InteractionValues } from './interactionSchema';
import { formatWithOffset, isValidZone, offsetLabel, resolveLocal } from './time';

interface Props {
  field: 'start' | 'end';
  label: string;
  required?: boolean;
  value: string;
  timezone: string;
  min?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  control: Control<InteractionValues>;
}

/**
 * A local date and time (the browser's own picker; typable digit by digit) read in the chosen
 * zone. Under it: the moment it names with its offset, or, when the clocks go back and the time
 * happens twice, a choice between the two.
 */
export function TimeField({ field, label, required, value, timezone, min, error, registration, control }: Props) {
  const resolution = value && isValidZone(timezone) ? resolveLocal(value, timezone) : null;
  const description =
    resolution?.kind === 'single'
      ? formatWithOffset(resolution.instant)
      : resolution?.kind === 'ambiguous'
        ? `This time happens twice in ${timezone}: the clocks go back. Choose which one below.`
        : isValidZone(timezone)
          ? `Local time in ${timezone} (${offsetLabel(timezone)} now)`
          : 'Local time in the chosen time zone';
  return (
    <Stack gap={6}>
      <TextInput
        type="datetime-local"
        label={label}
        required={required}
        description={description}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error}
        min={min || undefined}
        {...registration}
      />
      {resolution?.kind === 'ambiguous' && (
        <Controller
          control={control}
          name={field === 'start' ? 'startOccurrence' : 'endOccurrence'}
          render={({ field: occurrence }) => (
            <Radio.Group
              label={`Which ${value.slice(11, 16)}?`}
              value={occurrence.value}
              onChange={(chosen) => occurrence.onChange(chosen)}
              size="sm"
            >
              <Stack gap={6} mt={4}>
                <Radio value="earlier" label={`The first one, ${formatWithOffset(resolution.earlier)}`} />
                <Radio value="later" label={`The second one, ${formatWithOffset(resolution.later)}`} />
              </Stack>
            </Radio.Group>
          )}
        />
      )}
    </Stack>
  );
}
