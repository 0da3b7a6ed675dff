import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, voiceNoteLimits } from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { baseType, pickMimeType } from '../../features/recordings/recorder/mime.js';
import { ClientButton } from '../../components/client/index.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { uploadVoiceNote } from './api.js';
import { call, hrefOf } from '../../api/client.js';

type State = { kind: 'idle' } | { kind: 'recording'; seconds: number } | { kind: 'sending' } | { kind: 'error'; message: string };

function canRecord(): boolean {
  return typeof window !== 'undefined' && typeof window.MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
}

/**
 * A short spoken message, for clients who would rather talk than type. Recorded in the browser,
 * sent once when it stops, stored encrypted; the client can listen back and throw it away.
 * Stops by itself just before the limit.
 */
export function VoiceNote({ feedbackId, hasNote, onChanged }: { feedbackId: string; hasNote: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [version, setVersion] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const timer = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearInterval(timer.current);
      recorder.current?.stream.getTracks().forEach((track) => track.stop());
    },
    [],
  );

  if (!canRecord()) {
    return (
      <div className="sk-client-note">
        <Pictogram name="microphone" />
        <p>{t('feedback.voice.noMicrophone')}</p>
      </div>
    );
  }

  async function start() {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setState({ kind: 'error', message: t('feedback.voice.noMicrophone') });
      return;
    }
    const mimeType = pickMimeType('audio', (type) => MediaRecorder.isTypeSupported(type));
    const media = new MediaRecorder(stream, mimeType ? { mimeType, audioBitsPerSecond: 32_000 } : undefined);
    const chunks: Blob[] = [];
    media.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    media.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      if (timer.current !== null) window.clearInterval(timer.current);
      const blob = new Blob(chunks, { type: baseType(media.mimeType || mimeType || 'audio/webm') });
      setState({ kind: 'sending' });
      uploadVoiceNote(feedbackId, blob)
        .then(() => {
          setState({ kind: 'idle' });
          setVersion((v) => v + 1);
          onChanged();
        })
        .catch((error: unknown) => setState({ kind: 'error', message: errorText(error) }));
    };
    recorder.current = media;
    media.start(1000);
    const startedAt = Date.now();
    setState({ kind: 'recording', seconds: 0 });
    timer.current = window.setInterval(() => {
      const seconds = Math.floor((Date.now() - startedAt) / 1000);
      setState({ kind: 'recording', seconds });
      if (seconds >= voiceNoteLimits.maxSeconds - 5) media.stop();
    }, 500);
  }

  async function remove() {
    try {
      await call(contract.clientFeedback.deleteVoiceNote, { params: { id: feedbackId } });
      onChanged();
    } catch (error) {
      setState({ kind: 'error', message: errorText(error) });
    }
  }

  return (
    <div className="sk-feedback-voice">
      <p className="sk-client-hint">{t('feedback.voice.max')}</p>
      {state.kind === 'recording' ? (
        <>
          <p role="status" className="sk-feedback-voice__live">
            <span className="sk-feedback-voice__dot" aria-hidden="true" />
            {t('feedback.voice.recording', { seconds: state.seconds })}
          </p>
          <ClientButton icon="stop" onClick={() => recorder.current?.stop()}>
            {t('feedback.voice.stop')}
          </ClientButton>
        </>
      ) : state.kind === 'sending' ? (
        <p role="status">{t('clientKit.busy')}</p>
      ) : (
        <ClientButton icon="microphone" appearance={hasNote ? 'secondary' : 'primary'} onClick={() => void start()}>
          {hasNote ? t('feedback.voice.again') : t('feedback.voice.record')}
        </ClientButton>
      )}
      {state.kind === 'error' ? (
        <div role="alert" className="sk-client-alert">
          <Pictogram name="question" size={32} />
          <p>{state.message}</p>
        </div>
      ) : null}
      {hasNote && state.kind !== 'recording' ? (
        <div className="sk-feedback-voice__saved">
          <p>{t('feedback.voice.saved')}</p>
          {/* The key changes after a new recording, so the player loads the new one. */}
          <audio key={version} controls preload="none" src={`${hrefOf(contract.clientFeedback.voiceNote, { params: { id: feedbackId } })}?v=${version}`} aria-label={t('feedback.voice.playerLabel')} />
          <ClientButton appearance="secondary" icon="trash" onClick={() => void remove()}>
            {t('feedback.voice.remove')}
          </ClientButton>
        </div>
      ) : null}
    </div>
  );
}
