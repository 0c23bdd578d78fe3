import { TypesetError } from '../src/typeset-error';

/** Runs a render that must fail and returns the TypesetError it throws. */
export function typesetFailure(run: () => unknown): TypesetError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TypesetError);
    return error as TypesetError;
  }
  throw new Error('expected a TypesetError, but rendering succeeded');
}
