import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingKind } from '@spreekkamer/shared';
import { Alert } from '../../../components/Alert.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { kindOfFile } from './upload-errors.js';

export interface FilePickerProps {
  consentMedia: RecordingKind;
  onFile: (file: File, kind: RecordingKind) => void;
  disabled?: boolean;
}

type Problem = 'notMedia' | 'audioOnly';

/**
 * Choose a recording from a camera, phone or computer: a real file input (keyboard and screen
 * reader users need nothing else) inside an area that also accepts a dropped file.
 */
export function FilePicker({ consentMedia, onFile, disabled = false }: FilePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  function choose(file: File | undefined) {
    if (!file || disabled) return;
    // An unlabelled file (some .mkv or .m4a on some systems) goes as what was consented; the server probes it anyway.
    const kind = kindOfFile(file) ?? (file.type === '' ? consentMedia : null);
    if (!kind) {
      setProblem('notMedia');
      return;
    }
    if (kind === 'video' && consentMedia === 'audio') {
      setProblem('audioOnly');
      return;
    }
    setProblem(null);
    onFile(file, kind);
    // Choosing the same file again later must fire onChange again.
    if (inputRef.current) inputRef.current.value = '';
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  }

  return (
    <div
      className={`sk-dropzone${dragging ? ' sk-dropzone--active' : ''}${disabled ? ' sk-dropzone--disabled' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="36" height="36" className="sk-icon sk-dropzone__icon">
        <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M4 14v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <label htmlFor={id} className="utrecht-form-label sk-dropzone__label">
        {consentMedia === 'audio' ? t('recordings.upload.chooseAudio') : t('recordings.upload.choose')}
      </label>
      <Paragraph small id={`${id}-help`}>
        {t('recordings.upload.help')}
      </Paragraph>
      <input
        ref={inputRef}
        id={id}
        type="file"
        className="sk-dropzone__input"
        accept={consentMedia === 'audio' ? 'audio/*' : 'video/*,audio/*'}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(event) => choose(event.target.files?.[0])}
      />
      {problem ? (
        <Alert type="error" role="alert">
          <Paragraph>{t(`recordings.upload.problem.${problem}`)}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
