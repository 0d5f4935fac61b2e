// The hour that occurs twice in Sweden: 02:00–02:59 on the last Sunday of October (the EU rule,
// followed since 1996), when a wall-clock time needs its UTC offset.

/** Whether `date` (YYYY-MM-DD) and `time` (HH:MM) fall in the autumn fold hour. */
export function isFoldHour(date, time) {
  if (typeof date !== 'string' || typeof time !== 'string') return false;
  const m = /^(\d{4})-10-(\d{2})$/.exec(date);
  if (!m || !/^02:[0-5]\d$/.test(time)) return false;
  const day = Number(m[2]);
  const weekday = new Date(Date.UTC(Number(m[1]), 9, day)).getUTCDay();
  return weekday === 0 && day + 7 > 31;
}
