// A landlord's own certificates: a signer's PKCS#12 file from its provider signs the minutes'
// PDF, which pyHanko validates against the provider's root; a signer without a file is told so.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { documentSigning } from '../../bin/document-signing.ts';
import { padesSignature } from '../../documents/cms-signature.ts';
import { renderMinutesPdf, signatureFieldName } from '../../documents/minutes-pdf.ts';
import { pdfSignatures, signPdf } from '../../documents/pdf-signatures.ts';
import { createRootAuthority, issueSignerCertificate } from '../../documents/signing-pki.ts';
import { minutesFixture } from '../support/minutes-fixture.ts';
import { pdfsig, pyHanko } from '../support/pdf-validators.ts';

const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

describe('signing with a PKCS#12 certificate per signer', () => {
  it('signs with the file named after the signer, valid against the provider\'s root, and refuses a signer without one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pkcs12-'));
    const provider = await createRootAuthority('Autorité de certification du prestataire');
    const signer = { signerId: 'member-chair-1', name: 'Nguyễn Thị Ánh', title: 'Président(e) de la commission', organisation: 'OPH Exemple', unit: 'CALEOL Nord' };
    const issued = await issueSignerCertificate(provider, signer);
    const p12 = forge.pkcs12.toPkcs12Asn1(
      forge.pki.privateKeyFromPem(issued.privateKeyPem),
      [forge.pki.certificateFromPem(issued.certificatePem), forge.pki.certificateFromPem(provider.certificatePem)],
      'secret du signataire',
      { algorithm: 'aes256' },
    );
    await writeFile(join(dir, `${signer.signerId}.p12`), Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
    const roots = join(dir, 'provider-root.pem');
    await writeFile(roots, provider.certificatePem);

    const { signing, stop } = await documentSigning({ dataDir: dir, pkcs12Dir: dir, pkcs12Passphrase: 'secret du signataire', trustAnchorFiles: [roots] });
    stops.push(stop);
    // The provider's root, and the embedded one of the local timestamp authority (no TIMESTAMP_AUTHORITY_URL here).
    expect(signing.trustAnchorsPem).toHaveLength(2);
    expect(signing.trustAnchorsPem).toContain(provider.certificatePem);
    const identity = await signing.identityFor(signer);
    const minutes = await renderMinutesPdf(minutesFixture());
    const signed = await signPdf(minutes, {
      field: signatureFieldName('chair'), signer: signer.name, role: signer.title, reason: 'Signature du procès-verbal', location: signer.unit,
      signedAt: new Date(), lines: [signer.name, signer.title],
    }, (bytes) => padesSignature(bytes, identity, signing.timestamp));
    expect(pdfSignatures(signed)).toHaveLength(1);
    expect(await pdfsig(signed)).toEqual([{ field: 'signature-chair', signer: signer.name, validation: 'Signature is Valid.', type: 'ETSI.CAdES.detached' }]);
    const [validated] = await pyHanko(signed, signing.trustAnchorsPem);
    expect(validated).toMatchObject({ intact: true, valid: true, trusted: true, bottomLine: true });

    await expect(signing.identityFor({ ...signer, signerId: 'staff:secretary@oph' })).rejects.toMatchObject({ problem: { status: 422, rule: 'signer_certificate_installed' } });
  });
});
