/**
 * Mantine colours an Alert's title with the alert colour, which for green and yellow falls below
 * 4.5:1 on the tinted background; these alerts keep the colour in the border and icon only.
 */
export const readableTitle = { title: { color: 'var(--mantine-color-text)' } } as const;
