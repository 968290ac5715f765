import { useEffect, useState } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { normaliseSearch, withQuestion } from './finderState';
import type { FinderUpdate } from './useFinderState';

/**
 * Searches as you type: the URL follows 300 ms after the last keystroke, replacing the current
 * history entry so that back does not step through every letter.
 */
export function SearchBox({ q, update }: { q: string; update: FinderUpdate }) {
  const [text, setText] = useState(q);
  const commit = useDebouncedCallback((value: string) => {
    update((current) => withQuestion(current, { q: normaliseSearch(value) }), { replace: true });
  }, 300);

  // back/forward, a saved view or "clear all" change q from outside: show it, unless typing is under way
  useEffect(() => {
    if (!commit.isPending() && normaliseSearch(text) !== q) setText(q);
  }, [q]);

  const clear = () => {
    commit.cancel();
    setText('');
    update((current) => withQuestion(current, { q: '' }), { replace: true });
  };

  return (
    <TextInput
      aria-label="Search interactions"
      placeholder="Search titles, leads, locations, notes…"
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
        if (event.key === 'Escape' && text) {
          event.preventDefault();
          clear();
        }
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? <CloseButton aria-label="Clear search" onClick={clear} size="sm" /> : null}
      rightSectionPointerEvents="all"
      maxLength={200}
    />
  );
}
