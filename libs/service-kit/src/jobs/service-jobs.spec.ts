import { unhandledJobNames, type QueueDeclaration } from './service-jobs';

class Sweep {
  run = async () => ({});
}

describe('unhandledJobNames', () => {
  const declaration: QueueDeclaration = { queue: 'expiry', jobs: [{ name: 'sweep', handler: Sweep, everyMinuteAs: 'expire-every-minute' }] };

  it('finds nothing when every scheduled or waiting job has a handler', () => {
    expect(unhandledJobNames(declaration, ['sweep', 'sweep'])).toEqual([]);
  });

  it('names each job no handler takes, once, in order', () => {
    expect(unhandledJobNames(declaration, ['sweep', 'purge', 'archive', 'purge'])).toEqual(['archive', 'purge']);
  });
});
