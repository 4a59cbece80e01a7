import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { bridge } from '../platform/bridge';
import './print.css';

/**
 * A4 pages shown as they will print, over the desk; printing (Electron's printToPDF, or the browser's
 * print dialog) leaves out everything but the pages.
 */
export function PrintFrame({ label, fileName, onBack, ready = true, children }: { label: string; fileName: string; onBack: () => void; ready?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.body.classList.add('printing');
    return () => document.body.classList.remove('printing');
  }, []);
  return createPortal(
    <div className="print-view" role="document" aria-label={label}>
      <div className="print-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => void bridge.printToPdf({ suggestedName: `${fileName.replace(/[/\\:*?"<>|]/g, '')}.pdf` })}>
          {t('print.print')}
        </Button>
      </div>
      {children}
    </div>,
    document.body,
  );
}
