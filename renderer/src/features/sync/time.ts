import dayjs from 'dayjs';

export const formatTime = (iso: string | number) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
