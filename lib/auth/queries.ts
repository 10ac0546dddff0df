// Browser: fetchers, query options and hooks for users and API tokens (admin pages).
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import { lazyParser } from "@/lib/http/lazy-parse";
import type {
  CreateTokenBody,
  CreateUserBody,
  UpdateUserBody,
} from "./schemas";

// The schemas load with the first answer checked (lib/http/lazy-parse.ts).
const parsed = lazyParser(() => import("./schemas"));

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: ["users", "list"],
    queryFn: async () =>
      (
        await parsed(
          (schemas) => schemas.usersResponseSchema,
          fetchJson("/api/users"),
        )
      ).users,
  });

export const tokensQueryOptions = () =>
  queryOptions({
    queryKey: ["tokens", "list"],
    queryFn: async () =>
      (
        await parsed(
          (schemas) => schemas.tokensResponseSchema,
          fetchJson("/api/tokens"),
        )
      ).tokens,
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
      parsed(
        (schemas) => schemas.createdTokenResponseSchema,
        fetchJson("/api/tokens", { method: "POST", json: body }),
      ),
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
