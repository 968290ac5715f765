import { createTheme, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

/**
 * Atrium's look. Colours are chosen for WCAG 2.1 AA contrast: the primary shade and "dimmed"
 * text are darker than Mantine's defaults (which fall below 4.5:1 on white).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  // people who ask their system for less motion get no transitions (WCAG 2.3.3)
  respectReducedMotion: true,
  other: {},
  components: {
    // Mantine's close buttons have no accessible name of their own
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
  },
});

/** Mantine's default dimmed grey (#868e96) is 3.3:1 on white; #495057 is 8.2:1. */
const READABLE_GREY = '#495057';
/** Field errors and required asterisks: Mantine's red falls below 4.5:1 on white; #c92a2a is 5.4:1. */
const READABLE_RED = '#c92a2a';

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': READABLE_GREY,
    '--mantine-color-placeholder': READABLE_GREY,
    '--mantine-color-error': READABLE_RED,
  },
  dark: {},
});
