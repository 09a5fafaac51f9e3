import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
type Check = (value: unknown) => { ok: true } | { ok: false; reason: string };

/**
 * Turns a pure `validateX` into a class-validator property decorator whose
 * message is the check's reason, so a 400 says what is wrong with the field.
 */
export function identifierDecorator(name: string, check: Check) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol) => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: {
          validate: (value: unknown) => check(value).ok,
          defaultMessage: (args?: ValidationArguments) => {
            const result = check(args?.value);
            return result.ok ? `${name} check failed` : result.reason;
          },
        },
      });
    };
}
