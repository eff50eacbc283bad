import { describe, expect, it } from 'vitest';
import { formDataToObject } from '#functions/http/form-fields.ts';

describe('formDataToObject', () => {
  it('nests dotted names and turns checkboxes into booleans, unticked ones into false', () => {
    const form = new FormData();
    form.set('fullName', 'Asha Rao');
    form.set('guardian.name', 'Meera Rao');
    form.set('consents.privacyNotice', 'on');
    expect(formDataToObject(form, ['consents.privacyNotice', 'consents.emailNews'])).toEqual({
      fullName: 'Asha Rao',
      guardian: { name: 'Meera Rao' },
      consents: { privacyNotice: true, emailNews: false },
    });
  });

  it('cannot be used to pollute object prototypes', () => {
    const form = new FormData();
    form.set('__proto__.polluted', 'yes');
    form.set('constructor.prototype.polluted', 'yes');
    formDataToObject(form);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores uploaded files', () => {
    const form = new FormData();
    form.set('report', new Blob(['x']), 'report.pdf');
    expect(formDataToObject(form)).toEqual({});
  });
});
