import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contract, type KarContent } from '@spreekkamer/shared';
import { call, callWithFile } from '../../api/client.js';

export const pictureKeys = {
  comparison: ['surveys', 'comparison'] as const,
  questions: ['surveys', 'questions'] as const,
  canvases: ['kar', 'canvases'] as const,
  canvas: (id: string) => ['kar', 'canvases', id] as const,
  picture: (id: string) => ['kar', 'canvases', id, 'picture'] as const,
};

export const picturePaths = {
  survey: '/klanttevredenheid',
  questions: '/klanttevredenheid/vragen',
  canvases: '/kar',
  canvas: (id: string) => `/kar/${id}`,
  picture: (id: string) => `/kar/${id}/jaarbeeld`,
};

export function useSurveyComparison() {
  return useQuery({ queryKey: pictureKeys.comparison, queryFn: () => call(contract.surveys.comparison, { query: {} }) });
}

export function useSurveyQuestions() {
  return useQuery({ queryKey: pictureKeys.questions, queryFn: () => call(contract.surveys.questions) });
}

export function useSurveyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    // Whatever type the browser guesses (Windows often says Excel), the file goes as CSV; the server reads what is in it.
    mutationFn: (file: File) => callWithFile(contract.surveys.importResults, file, 'text/csv'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pictureKeys.comparison }),
  });
}

export function useCanvases() {
  return useQuery({ queryKey: pictureKeys.canvases, queryFn: () => call(contract.kar.list) });
}

export function useStartCanvas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { teamId: string | null; year: number }) => call(contract.kar.start, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pictureKeys.canvases }),
  });
}

export function useCanvas(id: string) {
  return useQuery({ queryKey: pictureKeys.canvas(id), queryFn: () => call(contract.kar.get, { params: { id } }) });
}

export function useSaveCanvas(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { content: KarContent; note: string; basedOn: string }) => call(contract.kar.save, { params: { id }, body: input }),
    onSuccess: (canvas) => {
      queryClient.setQueryData(pictureKeys.canvas(id), canvas);
      void queryClient.invalidateQueries({ queryKey: pictureKeys.canvases });
    },
  });
}

export function useYearlyPicture(id: string) {
  return useQuery({ queryKey: pictureKeys.picture(id), queryFn: () => call(contract.kar.picture, { params: { id } }) });
}
