import { z } from 'zod';
import { oneLine } from './schemas';

/** Roles a party takes in a caption, in the order a caption lists them. */
export const PARTY_ROLES = ['plaintiff', 'petitioner', 'defendant', 'respondent'] as const;

const text = (max: number) => z.string().trim().min(1, 'is empty').max(max);
/** A name the caption or the signature block prints as one line: control and bidi characters refused (./controlCharacters). */
const oneLineText = (max: number) => oneLine(max, 'the name').min(1, 'is empty');

/** A party as the caption names it: "MICROSOFT CORPORATION" (plaintiff), "JOHN DOES 1-2" (defendant). */
export const partySchema = z.object({ role: z.enum(PARTY_ROLES), name: oneLineText(300) }).strict();

/** Counsel for the signature block of filings. */
export const counselSchema = z
  .object({
    name: oneLineText(200),
    firm: oneLineText(300).optional(),
    /** Street address, one line per "\n". */
    address: text(600).optional(),
    phone: oneLineText(60).optional(),
    email: z.string().trim().email('is not an e-mail address').max(300).optional(),
    barNumber: oneLineText(60).optional(),
    /** "Attorneys for Plaintiff Microsoft Corporation". */
    representing: oneLineText(300).optional(),
  })
  .strict();

/** The caption and signature block of the case's filings (stored once per case). */
export const filingCaptionSchema = z
  .object({
    /** "United States District Court\nSouthern District of New York". */
    court: text(300).nullable(),
    judge: oneLineText(200).nullable(),
    /** Appended to the docket number as the court does: "1:23-cv-10685 (PAE)". */
    judgeInitials: z.string().trim().regex(/^[A-Z]{1,6}$/, 'must be 1 to 6 capital letters, e.g. PAE').nullable(),
    parties: z.array(partySchema).max(200),
    counsel: z.array(counselSchema).max(20),
  })
  .strict();

export type Party = z.output<typeof partySchema>;
export type Counsel = z.output<typeof counselSchema>;
export type FilingCaption = z.output<typeof filingCaptionSchema>;
