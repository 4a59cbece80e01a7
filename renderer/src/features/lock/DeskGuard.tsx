import { LockOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setUnlockedKey } from '../../store/sealing';
import { BackupSchedule } from '../backup/BackupSchedule';
import { LockScreen } from './LockScreen';
import { useLock } from './useLock';

const lock = () => setUnlockedKey(null);
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;

/** Locks the desk after the set idle minutes; any key, click or pointer movement starts them again. */
function useIdleLock(minutes: number | undefined) {
  useEffect(() => {
    if (!minutes) return;
    let timer = setTimeout(lock, minutes * 60_000);
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    for (const event of ACTIVITY) window.addEventListener(event, again, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, again);
    };
  }, [minutes]);
}

/** What keeps the desk safe from the header: scheduled backups, and the desk lock with its 锁定 button. */
export function DeskGuard() {
  const { t } = useTranslation();
  const { settings, unlocked } = useLock();
  useIdleLock(settings && unlocked ? settings.idleMinutes : undefined);
  return (
    <>
      {/* Not behind the lock screen: its download button would hand the data to whoever stands there. */}
      {(!settings || unlocked) && <BackupSchedule />}
      {settings && (
        <Button icon={<LockOutlined />} onClick={lock} style={{ marginLeft: 'auto' }}>
          {t('lock.lockNow')}
        </Button>
      )}
      {settings && !unlocked && <LockScreen />}
    </>
  );
}
