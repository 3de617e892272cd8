// node validate-ics.mjs file.ics [--feed]
// Parses an invite with ical.js (the parser inside Thunderbird) and node-ical, prints what each read as one JSON
// object on stdout, and exits 1 when either fails to parse it or the invite is not one we send (adapted from
// shared/recipes/ics/validate-ics.mjs). With --feed the file is a subscription feed (METHOD:PUBLISH, many events,
// no attendees) and only what holds for every calendar is checked. Installed by `npm ci --prefix tests/ics-validator`
// (the tests do it).
import fs from 'node:fs';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';

const text = fs.readFileSync(process.argv[2], 'utf8');
const feed = process.argv.includes('--feed');
const problems = [];
const out = { valid: false, problems };

try {
  const comp = new ICAL.Component(ICAL.parse(text));
  const vtz = comp.getFirstSubcomponent('vtimezone');
  if (vtz) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const ve = comp.getFirstSubcomponent('vevent');
  const ev = new ICAL.Event(ve);
  const person = (p) => ({
    value: p.getFirstValue(), cn: p.getParameter('cn') ?? null, role: p.getParameter('role') ?? null,
    partstat: p.getParameter('partstat') ?? null, rsvp: p.getParameter('rsvp') ?? null,
  });
  const organizer = ve.getFirstProperty('organizer');
  out.icaljs = {
    method: comp.getFirstPropertyValue('method'),
    prodid: comp.getFirstPropertyValue('prodid'),
    vtimezone: vtz ? vtz.getFirstPropertyValue('tzid') : null,
    uid: ev.uid,
    sequence: ev.sequence,
    status: ve.getFirstPropertyValue('status'),
    startTzid: ev.startDate.zone?.tzid ?? null,
    startLocal: ev.startDate.toString(),
    startUtc: ev.startDate.toJSDate().toISOString(),
    endTzid: ev.endDate.zone?.tzid ?? null,
    endLocal: ev.endDate.toString(),
    endUtc: ev.endDate.toJSDate().toISOString(),
    dtstamp: ve.getFirstPropertyValue('dtstamp')?.toString() ?? null,
    summary: ev.summary ?? null,
    location: ev.location ?? null,
    description: ev.description ?? null,
    url: ve.getFirstPropertyValue('url') ?? null,
    organizer: organizer ? person(organizer) : null,
    attendees: ve.getAllProperties('attendee').map(person),
    // Every property of the calendar and the event, in order: a text that injected a property would show here.
    calendarProperties: comp.getAllProperties().map((p) => p.name.toUpperCase()),
    eventProperties: ve.getAllProperties().map((p) => p.name.toUpperCase()),
    components: comp.getAllSubcomponents().map((c) => c.name.toUpperCase()),
    // Every VEVENT with its UID and property names: an injected event or ATTENDEE would show here.
    events: comp.getAllSubcomponents('vevent').map((e) => ({
      uid: e.getFirstPropertyValue('uid'),
      properties: e.getAllProperties().map((p) => p.name.toUpperCase()),
    })),
  };
  const i = out.icaljs;
  if (feed) {
    if (i.method !== 'PUBLISH') problems.push(`ical.js: METHOD ${i.method}`);
  } else {
    if (!['REQUEST', 'CANCEL'].includes(i.method)) problems.push(`ical.js: METHOD ${i.method}`);
    if (i.startTzid !== 'Europe/Paris') problems.push(`ical.js: DTSTART zone ${i.startTzid}`);
    if (i.attendees.length < 1 || i.attendees.some((a) => String(a.rsvp).toUpperCase() !== 'TRUE')) problems.push('ical.js: attendees/RSVP');
  }
} catch (e) {
  problems.push(`ical.js: ${e.message}`);
}

try {
  const data = nodeIcal.sync.parseICS(text);
  const e2 = Object.values(data).find((x) => x.type === 'VEVENT');
  const plain = (v) => (v && typeof v === 'object' && 'val' in v ? v.val : v ?? null);
  const persons = (v) => [].concat(v ?? []).map((a) => ({ value: plain(a), cn: a?.params?.CN ?? null }));
  out.nodeIcal = {
    method: data.vcalendar?.method ?? null,
    uid: e2.uid,
    sequence: e2.sequence === undefined ? null : Number(e2.sequence),
    status: e2.status ?? null,
    startUtc: e2.start.toISOString(),
    startTz: e2.start.tz ?? null,
    endUtc: e2.end.toISOString(),
    summary: plain(e2.summary),
    location: plain(e2.location),
    description: plain(e2.description),
    organizer: persons(e2.organizer)[0] ?? null,
    attendees: persons(e2.attendee),
    vevents: Object.values(data).filter((x) => x.type === 'VEVENT').length,
    uids: Object.values(data).filter((x) => x.type === 'VEVENT').map((x) => x.uid),
  };
  if (Number.isNaN(e2.start.getTime())) problems.push('node-ical: start');
  if (out.icaljs && out.icaljs.startUtc !== out.nodeIcal.startUtc) problems.push('ical.js and node-ical disagree on the start');
  if (out.icaljs && out.icaljs.uid !== out.nodeIcal.uid) problems.push('ical.js and node-ical disagree on the UID');
  if (out.icaljs && out.icaljs.events.length !== out.nodeIcal.vevents) problems.push('ical.js and node-ical disagree on the events');
} catch (e) {
  problems.push(`node-ical: ${e.message}`);
}

out.valid = problems.length === 0;
console.log(JSON.stringify(out));
process.exit(out.valid ? 0 : 1);
