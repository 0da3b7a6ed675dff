import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/Alert.js';
import { Paragraph } from '../../components/Paragraph.js';
import { useErrorText } from '../../components/errors.js';
import { learningKeys } from './api.js';

/** Small pieces every part of the learning page shares. */
export function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: learningKeys.all });
}

export function ErrorLine({ error }: { error: unknown }) {
  const errorText = useErrorText();
  return error ? (
    <Alert type="error" role="alert">
      <Paragraph>{errorText(error)}</Paragraph>
    </Alert>
  ) : null;
}

