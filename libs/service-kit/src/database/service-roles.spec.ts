import { databaseUrlAs, serviceRoles } from './service-roles';

describe('serviceRoles and databaseUrlAs', () => {
  it('names the owner and runtime roles after the schema', () => {
    expect(serviceRoles('device_certification')).toEqual({
      schema: 'device_certification',
      owner: 'device_certification_owner',
      runtime: 'device_certification',
    });
  });

  it('refuses a schema that is no plain identifier, or too long for its owner role to stay whole', () => {
    expect(() => serviceRoles('Prescription; DROP')).toThrow('Invalid schema name');
    expect(() => serviceRoles('a'.repeat(58))).toThrow('at most 57 characters');
    expect(serviceRoles('a'.repeat(57)).owner).toHaveLength(63);
  });

  it('puts the role (and a password, escaped, when given) in place of the URL user', () => {
    expect(databaseUrlAs('postgres://postgres@127.0.0.1:5432/connected_health', 'prescription')).toBe(
      'postgres://prescription@127.0.0.1:5432/connected_health',
    );
    expect(databaseUrlAs('postgres://admin:secret@db:5432/ch?sslmode=require', 'audit_ledger', 'p@ss/w:rd')).toBe(
      'postgres://audit_ledger:p%40ss%2Fw%3Ard@db:5432/ch?sslmode=require',
    );
    expect(databaseUrlAs('postgres://admin:secret@db:5432/ch', 'audit_ledger')).toBe('postgres://audit_ledger@db:5432/ch');
  });
});
