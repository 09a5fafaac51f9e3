import type { Logger } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { nestKafkaLogCreator, summariseKafkaLog } from './kafka-log-creator';
import { parseBrokers } from './kafka-client.factory';

const entry = (level: logLevel, message: string, extra: Record<string, unknown> = {}) => ({
  namespace: 'Connection',
  level,
  label: 'ERROR',
  log: { timestamp: '2026-01-01T00:00:00.000Z', logger: 'kafkajs', message, ...extra },
});

const fakeLogger = () => {
  const lines: Array<[string, string]> = [];
  const record = (level: string) => (line: string) => lines.push([level, line]);
  const logger = { error: record('error'), warn: record('warn'), log: record('log'), debug: record('debug') };
  return { lines, logger: logger as unknown as Logger };
};

describe('nestKafkaLogCreator', () => {
  it('routes each kafkajs level to the matching Nest level', () => {
    const { lines, logger } = fakeLogger();
    const log = nestKafkaLogCreator(logger)(logLevel.WARN);
    log(entry(logLevel.ERROR, 'Connection error', { broker: '127.0.0.1:9092' }));
    log(entry(logLevel.WARN, 'Retrying'));
    expect(lines).toEqual([
      ['error', '[Connection] Connection error {"broker":"127.0.0.1:9092"}'],
      ['warn', '[Connection] Retrying'],
    ]);
  });

  it('drops the warning about bounded retries of the idempotent producer', () => {
    const { lines, logger } = fakeLogger();
    nestKafkaLogCreator(logger)(logLevel.WARN)(
      entry(logLevel.WARN, 'Limiting retries for the idempotent producer may invalidate EoS guarantees'),
    );
    expect(lines).toEqual([]);
  });
});

describe('summariseKafkaLog', () => {
  it('keeps known fields only, never message contents', () => {
    const summary = summariseKafkaLog(entry(logLevel.ERROR, 'x', { topic: 't', messages: [{ value: 'secret' }] }));
    expect(summary).toEqual({ message: 'x', fields: { topic: 't' } });
  });
});

describe('parseBrokers', () => {
  it('splits a comma list and trims it', () => {
    expect(parseBrokers(' a:9092, b:9093 ,')).toEqual(['a:9092', 'b:9093']);
  });
});
