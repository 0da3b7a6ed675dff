// Longer than 350 lines on purpose — one component: the camera, MediaRecorder and tus upload share one lifecycle of refs and effects that splitting would scatter.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { RecordingKind } from '@spreekkamer/shared';
import { Alert } from '../../../components/Alert.js';
import { RadioGroup } from '../../../components/fields.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { formatClock } from '../format.js';
import { appendStoredChunk, beginStoredRecording, recordedFile, removeStoredRecording } from './chunk-store.js';
import { pickMimeType } from './mime.js';

type DeviceProblem = 'denied' | 'noDevice' | 'inUse' | 'unsupported' | 'failed';

type Phase = 'idle' | 'starting' | 'preview' | 'recording' | 'paused';

export interface RecorderProps {
  conversationId: string;
  /** What the client consented to: with 'audio' the recorder cannot switch the camera on. */
  consentMedia: RecordingKind;
  /** Called once with the finished recording; it is also kept in the browser until `removeStoredRecording(storedId)`. */
  onRecorded: (file: File, kind: RecordingKind, storedId: string) => void;
  /** While another upload runs, starting a new recording waits. */
  disabled?: boolean;
}

/** Every MediaRecorder piece covers this much; a closed tab loses at most this. */
const chunkMs = 1000;

function problemOf(error: unknown): DeviceProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'inUse';
  return 'failed';
}

function canRecord(): boolean {
  return typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia) && typeof MediaRecorder !== 'undefined';
}

/**
 * Records the conversation in the browser: camera and microphone, or the microphone only when
 * that is all the client agreed to (or all the professional wants). Shows a preview first, then a
 * recording indicator with the elapsed time, pause/resume and stop.
 */
export function Recorder({ conversationId, consentMedia, onRecorded, disabled = false }: RecorderProps) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<RecordingKind>(consentMedia);
  const [phase, setPhase] = useState<Phase>('idle');
  const [problem, setProblem] = useState<DeviceProblem | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const streamRef = useRef<MediaStream | null>(null);
  // The same stream as state, for the preview to render from.
  const [stream, setStream] = useState<MediaStream | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const previewRef = useRef<HTMLVideoElement | null>(null);
  const timing = useRef({ startedAt: 0, pausedAt: 0, pausedTotal: 0 });

  // Under audio-only consent the choice is not there at all.
  const effectiveKind: RecordingKind = consentMedia === 'audio' ? 'audio' : kind;

  const releaseDevices = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    setStream(null);
  }, []);

  useEffect(
    () => () => {
      const recorder = recorderRef.current;
      if (recorder && recorder.state !== 'inactive') recorder.stop();
      releaseDevices();
    },
    [releaseDevices],
  );

  // Closing the tab mid-recording asks first; the pieces already stored survive anyway.
  useEffect(() => {
    if (phase !== 'recording' && phase !== 'paused') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [phase]);

  useEffect(() => {
    if (phase !== 'recording') return;
    const tick = () => setElapsedMs(performance.now() - timing.current.startedAt - timing.current.pausedTotal);
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [phase]);

  useEffect(() => {
    if (previewRef.current && stream) previewRef.current.srcObject = stream;
  }, [stream, phase]);

  async function switchOn() {
    setProblem(null);
    if (!canRecord()) {
      setProblem('unsupported');
      return;
    }
    setPhase('starting');
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true },
        video: effectiveKind === 'video' ? { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 25 } } : false,
      });
      streamRef.current = media;
      setStream(media);
      setPhase('preview');
    } catch (error) {
      setProblem(problemOf(error));
      setPhase('idle');
    }
  }

  function switchOff() {
    releaseDevices();
    setPhase('idle');
  }

  function startRecording() {
    if (!stream) return;
    const mimeType = pickMimeType(effectiveKind, (type) => MediaRecorder.isTypeSupported(type));
    if (!mimeType) {
      setProblem('unsupported');
      return;
    }
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, {
        mimeType,
        // Enough for a face and speech at 720p, and a 10-minute conversation stays around 150 MB.
        videoBitsPerSecond: 1_800_000,
        audioBitsPerSecond: 96_000,
      });
    } catch {
      setProblem('unsupported');
      return;
    }
    const startedAt = Date.now();
    const storedId = crypto.randomUUID();
    const recordedKind = effectiveKind;
    const parts: Blob[] = [];
    let seq = 0;
    // A failed write only means no safety net for this recording; recording goes on.
    let storing = beginStoredRecording({ id: storedId, conversationId, kind: recordedKind, mimeType, startedAt }).then(
      () => true,
      () => false,
    );

    recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return;
      parts.push(event.data);
      const index = seq++;
      storing = storing.then((ok) => (ok ? appendStoredChunk(storedId, index, event.data).then(() => true, () => false) : false));
    };
    recorder.onstop = () => {
      releaseDevices();
      recorderRef.current = null;
      setPhase('idle');
      setAnnouncement(t('recordings.recorder.live.stopped'));
      if (parts.length === 0) {
        void removeStoredRecording(storedId).catch(() => undefined);
        setProblem('failed');
        return;
      }
      const file = recordedFile(parts, { mimeType, startedAt });
      // Hand over only once every piece is stored, so "upload finished → remove" cannot race a write.
      void storing.then(() => onRecorded(file, recordedKind, storedId));
    };
    recorder.onerror = () => {
      setProblem('failed');
      if (recorder.state !== 'inactive') recorder.stop();
    };

    recorderRef.current = recorder;
    timing.current = { startedAt: performance.now(), pausedAt: 0, pausedTotal: 0 };
    setElapsedMs(0);
    recorder.start(chunkMs);
    setPhase('recording');
    setAnnouncement(t('recordings.recorder.live.recording'));
  }

  function pause() {
    const recorder = recorderRef.current;
    if (!recorder || recorder.state !== 'recording') return;
    recorder.pause();
    timing.current.pausedAt = performance.now();
    setPhase('paused');
    setAnnouncement(t('recordings.recorder.live.paused'));
  }

  function resume() {
    const recorder = recorderRef.current;
    if (!recorder || recorder.state !== 'paused') return;
    recorder.resume();
    timing.current.pausedTotal += performance.now() - timing.current.pausedAt;
    setPhase('recording');
    setAnnouncement(t('recordings.recorder.live.recording'));
  }

  function stop() {
    const recorder = recorderRef.current;
    if (!recorder || recorder.state === 'inactive') return;
    recorder.stop();
  }

  const active = phase === 'recording' || phase === 'paused';
  const clock = formatClock(elapsedMs / 1000);

  return (
    <div className="sk-recorder">
      {/* Polite: the person is in a conversation; status changes are said once, not every second. */}
      <p className="sk-visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      {phase === 'idle' || phase === 'starting' ? (
        <>
          {consentMedia === 'video' ? (
            <RadioGroup<RecordingKind>
              id={`${id}-kind`}
              legend={t('recordings.recorder.kindLegend')}
              value={kind}
              onChange={setKind}
              options={[
                { value: 'video', label: t('recordings.recorder.kindVideo') },
                { value: 'audio', label: t('recordings.recorder.kindAudio') },
              ]}
            />
          ) : (
            <Paragraph>{t('recordings.recorder.audioOnlyConsent')}</Paragraph>
          )}
          {problem ? (
            <Alert type="error" role="alert">
              <Paragraph>{t(`recordings.recorder.problem.${problem}`)}</Paragraph>
            </Alert>
          ) : null}
          <div className="sk-actions">
            <Button appearance="primary-action-button" busy={phase === 'starting'} disabled={disabled || phase === 'starting'} onClick={() => void switchOn()}>
              {effectiveKind === 'video' ? t('recordings.recorder.switchOnVideo') : t('recordings.recorder.switchOnAudio')}
            </Button>
          </div>
          {disabled ? <Paragraph small>{t('recordings.recorder.waitForUpload')}</Paragraph> : null}
        </>
      ) : (
        <>
          <div className={`sk-recorder__preview sk-recorder__preview--${effectiveKind}`}>
            {effectiveKind === 'video' ? (
              <video
                ref={previewRef}
                className="sk-recorder__video"
                autoPlay
                muted
                playsInline
                aria-label={t('recordings.recorder.previewLabel')}
              />
            ) : (
              <MicrophoneLevel stream={stream} />
            )}
            {active ? (
              <div className={`sk-recording-indicator${phase === 'paused' ? ' sk-recording-indicator--paused' : ''}`}>
                <span className="sk-recording-indicator__dot" aria-hidden="true" />
                <span>{phase === 'paused' ? t('recordings.recorder.paused') : t('recordings.recorder.recording')}</span>
                <span role="timer" aria-label={t('recordings.recorder.elapsed')} className="sk-recording-indicator__time">
                  {clock}
                </span>
              </div>
            ) : null}
          </div>
          {problem ? (
            <Alert type="error" role="alert">
              <Paragraph>{t(`recordings.recorder.problem.${problem}`)}</Paragraph>
            </Alert>
          ) : null}
          <div className="sk-actions">
            {phase === 'preview' ? (
              <>
                <Button appearance="primary-action-button" onClick={startRecording}>
                  <span className="sk-record-dot" aria-hidden="true" />
                  {t('recordings.recorder.start')}
                </Button>
                <Button appearance="secondary-action-button" onClick={switchOff}>
                  {t('recordings.recorder.switchOff')}
                </Button>
              </>
            ) : null}
            {phase === 'recording' ? (
              <Button appearance="secondary-action-button" onClick={pause}>
                {t('recordings.recorder.pause')}
              </Button>
            ) : null}
            {phase === 'paused' ? (
              <Button appearance="secondary-action-button" onClick={resume}>
                {t('recordings.recorder.resume')}
              </Button>
            ) : null}
            {active ? (
              <Button appearance="primary-action-button" onClick={stop}>
                {t('recordings.recorder.stop')}
              </Button>
            ) : null}
          </div>
          {phase === 'preview' ? <Paragraph small>{t('recordings.recorder.previewHint')}</Paragraph> : null}
        </>
      )}
    </div>
  );
}

/** A moving bar, so the professional sees the microphone hears the room before recording sound only. */
function MicrophoneLevel({ stream }: { stream: MediaStream | null }) {
  const { t } = useTranslation();
  const barRef = useRef<HTMLSpanElement | null>(null);

  useEffect(() => {
    if (!stream || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    const draw = () => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128) / 128);
      if (barRef.current) barRef.current.style.transform = `scaleX(${Math.min(1, peak * 2).toFixed(3)})`;
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, [stream]);

  return (
    <div className="sk-mic-level">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="40" height="40" className="sk-icon">
        <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" />
        <path d="M6 11a6 6 0 0 0 12 0M12 17v4M8 21h8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span className="sk-mic-level__label">{t('recordings.recorder.microphoneOn')}</span>
      <span className="sk-mic-level__track" aria-hidden="true">
        <span ref={barRef} className="sk-mic-level__bar" />
      </span>
    </div>
  );
}
