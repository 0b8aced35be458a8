// What the page keeps in memory while it is open (the call card's unsent drafts alone are kept in the tab's session storage).

export const session = {
  /** /api/me */
  me: null,
  /** /api/directory */
  directory: { districts: [], categories: [], statuses: [] },
};

/** Calls this agent accepted: id → BoardCall (from the accept response). */
export const acceptedCalls = new Map();

/** What happened on a call card: id → RequestView registered or joined for that call. */
export const callOutcomes = new Map();

export function isSupervisor() {
  return Boolean(session.me && Array.isArray(session.me.roles) && session.me.roles.includes('SUPERVISOR'));
}

export function myUsername() {
  return session.me ? session.me.username : null;
}

export function districtName(number) {
  if (number === null || number === undefined) return null;
  const found = session.directory.districts.find((d) => String(d.number) === String(number));
  return found ? found.name : null;
}

export function categoryLabel(id) {
  if (!id) return null;
  const found = session.directory.categories.find((c) => c.id === id);
  return found ? found.label : id;
}
