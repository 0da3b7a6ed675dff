import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/Pictogram.js';
import { speechTagOf } from './languages.js';

/** Elements whose text is read, in page order; nested matches are read once, through the outer one. */
const readableSelector = 'h1, h2, h3, p, li, legend, label, button, dt, dd, [data-read-aloud]';

function isSupported(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

/** The visible text of a region as sentences, skipping hidden parts and anything marked data-read-aloud="skip". */
export function readableText(root: HTMLElement): string {
  const parts: string[] = [];
  const taken: Element[] = [];
  for (const element of root.querySelectorAll<HTMLElement>(readableSelector)) {
    if (element.closest('[data-read-aloud="skip"], [aria-hidden="true"], [hidden]')) continue;
    if (taken.some((outer) => outer.contains(element))) continue;
    const text = (element.innerText || element.textContent || '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    taken.push(element);
    parts.push(/[.!?:]$/.test(text) ? text : `${text}.`);
  }
  return parts.join('\n');
}

export function stopReadingAloud(): void {
  if (isSupported()) window.speechSynthesis.cancel();
}

/**
 * A voice of the browser that speaks this language ("ar" matches "ar-SA" and "ar_EG"). Never a
 * voice of another language: reading Dutch words with an Arabic voice, or Dutch instead of
 * Arabic, would tell the client something that is not on the screen.
 */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | undefined {
  const wanted = language.toLowerCase().split(/[-_]/)[0];
  return voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === wanted);
}

/**
 * Reads the current screen aloud with the browser's own speech synthesis, in the page language.
 * Nothing leaves the device. Hidden where the browser cannot speak at all; where it can speak but
 * has no voice for this language, it says so in this language instead of reading with another.
 */
export function ReadAloud({ targetId }: { targetId: string }) {
  const { t, i18n } = useTranslation();
  const [speaking, setSpeaking] = useState(false);
  // The language for which the device had no voice; a message about it is stale in another language.
  const [noVoiceFor, setNoVoiceFor] = useState<string | null>(null);
  const [supported] = useState(isSupported);
  const language = i18n.language;

  useEffect(() => () => stopReadingAloud(), []);

  const toggle = useCallback(() => {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const voice = voiceFor(synth.getVoices(), language);
    setNoVoiceFor(voice ? null : language);
    if (!voice) return;
    const target = document.getElementById(targetId);
    const text = target ? readableText(target) : '';
    if (!text) return;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = speechTagOf(language);
    utterance.voice = voice;
    utterance.rate = 0.9;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  }, [speaking, targetId, language]);

  if (!supported) return null;
  return (
    <div className="sk-read-aloud-wrap" data-read-aloud="skip">
      <button type="button" className="sk-client-button sk-client-button--secondary sk-read-aloud" aria-pressed={speaking} onClick={toggle}>
        <Pictogram name={speaking ? 'speakerOff' : 'speaker'} size={28} />
        <span>{speaking ? t('clientKit.readAloudStop') : t('clientKit.readAloud')}</span>
      </button>
      <p role="status" className="sk-read-aloud__note">
        {noVoiceFor === language ? t('clientKit.readAloudNoVoice') : null}
      </p>
    </div>
  );
}
