import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Atrium's look. Colours are chosen for WCAG 2.1 AA contrast: the primary shade and "dimmed"
 * text are darker than Mantine's defaults (which fall below 4.5:1 on white).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  other: {},
  components: {},
});

/** Mantine's default dimmed grey (#868e96) is 3.3:1 on white; #495057 is 8.2:1. */
const READABLE_GREY = '#495057';

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': READABLE_GREY,
    '--mantine-color-placeholder': READABLE_GREY,
    // Mantine's red.6 (#fa5252) for field errors and required asterisks is 3.6:1 on white; red.9 is 6.3:1
    '--mantine-color-error': '#c92a2a',
  },
  dark: {},
});
