import { queryOptions, useQuery } from '@tanstack/react-query';
import { UserListSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { adminKeys } from './keys';

export function getUsers(signal?: AbortSignal) {
  return apiGet('/users', UserListSchema, {}, signal);
}

export function getUsersQueryOptions() {
  return queryOptions({ queryKey: adminKeys.users, queryFn: ({ signal }) => getUsers(signal) });
}

export function useUsers() {
  return useQuery(getUsersQueryOptions());
}
