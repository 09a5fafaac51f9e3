import { Narrator, outcomeOf, seconds, shortId, stepLine } from './narration';

describe("the demo's lines", () => {
  it('names the actor, the action and the answer on one line', () => {
    expect(stepLine({ role: 'vendor', label: 'Cardio SAS' }, 'registers device "CardioLink HF"', '201 DRAFT', 10)).toBe(
      '[vendor    Cardio SAS] registers device "CardioLink HF" -> 201 DRAFT',
    );
    expect(stepLine({ role: 'platform', label: 'claims' }, 'submits the claim to the AMO', undefined, 8)).toBe('[platform  claims  ] submits the claim to the AMO');
  });

  it('lines every bracket up on the widest name of the demo', () => {
    const lines: string[] = [];
    const vendor = { role: 'vendor', label: 'Cardio SAS' } as const;
    const evaluator = { role: 'evaluator', label: 'Organisme Notifié Demo' } as const;
    const narrator = new Narrator([vendor, evaluator], (line) => lines.push(line));
    narrator.step(vendor, 'submits it', '200 SUBMITTED');
    narrator.step(evaluator, 'certifies it', '200 CERTIFIED');
    narrator.detail('valid until 2028-12-01');
    expect(lines[0].indexOf(']')).toBe(lines[1].indexOf(']'));
    expect(lines[0]).toBe(`[vendor    Cardio SAS${' '.repeat(12)}] submits it -> 200 SUBMITTED`);
    expect(lines[2]).toBe(`${' '.repeat(lines[0].indexOf(']') + 2)}valid until 2028-12-01`);
  });

  it("reads the resource's status from the answer when it has one", () => {
    expect(outcomeOf(201, { id: 'x', status: 'DRAFT' })).toBe('201 DRAFT');
    expect(outcomeOf(202, { accepted: 12 })).toBe('202');
    expect(outcomeOf(204, undefined)).toBe('204');
  });

  it('prints waits in seconds and ids shortened', () => {
    expect(seconds(1_432)).toBe('1.4 s');
    expect(shortId('0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b')).toBe('0193a2b4…5a6b');
    expect(shortId('short')).toBe('short');
  });
});
