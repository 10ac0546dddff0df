// Browser: fetchers, query options and hooks for users and API tokens (admin pages).
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "@/lib/http/fetch-json";
import {
  tokenSchema,
  userSchema,
  type CreateTokenBody,
  type CreateUserBody,
  type UpdateUserBody,
} from "./schemas";

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: ["users", "list"],
    queryFn: async () =>
      z
        .object({ users: z.array(userSchema) })
        .parse(await fetchJson("/api/users")).users,
  });

export const tokensQueryOptions = () =>
  queryOptions({
    queryKey: ["tokens", "list"],
    queryFn: async () =>
      z
        .object({ tokens: z.array(tokenSchema) })
        .parse(await fetchJson("/api/tokens")).tokens,
  });

export const useUsers = () => useQuery(usersQueryOptions());
export const useTokens = () => useQuery(tokensQueryOptions());

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) =>
      fetchJson("/api/users", { method: "POST", json: body }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: string }) =>
      fetchJson(`/api/users/${id}`, { method: "PATCH", json: body }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateTokenBody) =>
      z
        .object({ token: z.string() })
        .parse(await fetchJson("/api/tokens", { method: "POST", json: body })),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: tokensQueryOptions().queryKey,
      }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson(`/api/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: tokensQueryOptions().queryKey,
      }),
  });
}
