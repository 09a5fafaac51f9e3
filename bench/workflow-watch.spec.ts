import { EnrolmentWatch, type EnrolmentPage, type ListedEnrolment } from './workflow-watch';

/** An org's enrolments as the API lists them: ordered by createdAt, paged. */
function orgList() {
  const rows: ListedEnrolment[] = [];
  const calls: number[] = [];
  return {
    rows,
    calls,
    add(prescriptionId: string, createdAt: string) {
      rows.push({ id: `e-${prescriptionId}`, prescriptionId, createdAt });
      rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    list: async (page: number, pageSize: number): Promise<EnrolmentPage> => {
      calls.push(page);
      return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
    },
  };
}

const at = (n: number) => `2026-12-01T10:00:${String(n).padStart(2, '0')}.000Z`;

describe('the enrolment watch', () => {
  it('resolves each flow when its enrolment is first listed, at the time of that response', async () => {
    const org = orgList();
    let clock = 100;
    const watch = new EnrolmentWatch({ list: org.list, pollMs: 10, pageSize: 4, lookBack: 2, now: () => clock });
    const first = watch.visible('p1');
    org.add('p1', at(1));
    await watch.tick();
    await expect(first).resolves.toEqual({ visibleAt: 100, enrolment: { id: 'e-p1', prescriptionId: 'p1', createdAt: at(1) } });
    // Seen before anyone waits for it (the 201 came back late): resolved at once with its first sighting.
    org.add('p2', at(2));
    clock = 130;
    await watch.tick();
    clock = 150;
    await expect(watch.visible('p2')).resolves.toMatchObject({ visibleAt: 130 });
  });

  it('reads only the tail of the list: the page around what it had seen, and the pages after it', async () => {
    const org = orgList();
    const watch = new EnrolmentWatch({ list: org.list, pollMs: 10, pageSize: 4, lookBack: 2 });
    for (let i = 1; i <= 9; i += 1) org.add(`p${i}`, at(i));
    await watch.tick();
    expect(org.calls).toEqual([1, 2, 3]);
    org.calls.length = 0;
    org.add('p10', at(10));
    const tenth = watch.visible('p10');
    await watch.tick();
    // Seen 9, look back 2: from the 7th, page 2 (5-8) and page 3 (9-10).
    expect(org.calls).toEqual([2, 3]);
    await expect(tenth).resolves.toMatchObject({ enrolment: { prescriptionId: 'p10' } });
    expect(watch.requests).toBe(5);
  });

  it('finds an enrolment committed late behind the tail by reading further back', async () => {
    const org = orgList();
    const watch = new EnrolmentWatch({ list: org.list, pollMs: 10, pageSize: 2, lookBack: 1 });
    for (let i = 10; i <= 17; i += 1) org.add(`p${i}`, at(i));
    await watch.tick();
    // Created before all of them, committed after: it lands at the head of the list.
    org.add('late', at(1));
    const late = watch.visible('late');
    let found = false;
    void late.then(() => (found = true));
    for (let tick = 0; tick < 5 && !found; tick += 1) {
      await watch.tick();
      await Promise.resolve();
    }
    expect(found).toBe(true);
  });

  it('keeps polling after a failed list request, and counts it', async () => {
    const org = orgList();
    let fail = true;
    const watch = new EnrolmentWatch({
      list: async (page, size) => {
        if (fail) {
          fail = false;
          throw new Error('GET /v1/enrolments: 502');
        }
        return org.list(page, size);
      },
      pollMs: 1,
    });
    org.add('p1', at(1));
    watch.start();
    const sighting = await watch.visible('p1');
    await watch.stop();
    expect(sighting.enrolment.id).toBe('e-p1');
    expect(watch.failures).toBe(1);
    expect(watch.lastFailure).toBe('GET /v1/enrolments: 502');
  });
});
