import { useRef, useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { describeError } from '../api/problems';
import { downloadExport } from './finderApi';
import { countCsvRecords, exportFileName } from './format';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Downloads every interaction the current search and filters find (not only this page), in the same order. */
export function ExportButton({ siteId, siteName, zone, question }: { siteId: string; siteName: string; zone: string; question: URLSearchParams }) {
  const [preparing, setPreparing] = useState(false);
  const lastUpdate = useRef(0);

  const run = async () => {
    const id = `finder-export-${Date.now()}`;
    setPreparing(true);
    notifications.show({ id, loading: true, autoClose: false, withCloseButton: false, title: 'Preparing your export', message: 'Collecting every matching interaction…' });
    try {
      const blob = await downloadExport(siteId, question, ({ bytes }) => {
        // a progress line per chunk would flood React; twice a second is enough to see it move
        if (Date.now() - lastUpdate.current < 500) return;
        lastUpdate.current = Date.now();
        notifications.update({ id, loading: true, autoClose: false, title: 'Preparing your export', message: `${size(bytes)} received so far…` });
      });
      const fileName = exportFileName(siteName, DateTime.now().setZone(zone));
      const rows = countCsvRecords(await blob.text());
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // the download has its own copy once it started
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notifications.update({
        id,
        loading: false,
        autoClose: 6000,
        withCloseButton: true,
        color: 'green',
        title: 'Export ready',
        message: `${fileName}: ${rows.toLocaleString('en-GB')} ${rows === 1 ? 'interaction' : 'interactions'}.`,
      });
    } catch (error) {
      notifications.update({
        id,
        loading: false,
        autoClose: false,
        withCloseButton: true,
        color: 'red',
        title: 'The export failed',
        message: `${describeError(error)} Nothing was downloaded; try again.`,
      });
    } finally {
      setPreparing(false);
    }
  };

  return (
    <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={run} loading={preparing} loaderProps={{ type: 'dots' }}>
      {preparing ? 'Preparing…' : 'Export CSV'}
    </Button>
  );
}
