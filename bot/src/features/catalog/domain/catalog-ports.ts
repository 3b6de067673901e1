import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';

/** Texts デジタル推進課 writes for employees, e.g. how the IT exam subsidy (助成) works. */
export interface ProgrammeText {
  key: string;
  body: LocalizedText;
  updatedBy: string | undefined;
  updatedAt: string | undefined;
}

export interface ProgrammeTextRepository {
  get(key: string): Promise<ProgrammeText | undefined>;
  save(text: ProgrammeText): Promise<void>;
}
