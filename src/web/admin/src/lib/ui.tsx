/**
 * Small pieces every screen uses: the page heading (which also sets the window title) and
 * the ways errors are shown.
 */
import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Flex, Result, Typography } from 'antd';
import { ApiError } from '../api/client.ts';

/** Product name, shown in the top bar and in window titles. */
export const PRODUCT_NAME = '公开 · 政府信息公开平台';

/** Sets the browser window's title to "<title> - 公开 · 政府信息公开平台". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} - ${PRODUCT_NAME}`;
  }, [title]);
}

/** The screen's heading (the page's only h1) with optional actions on the right. */
export function PageHeading({ title, extra }: { title: string; extra?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}

/**
 * Button `loading` for a request in flight. The spinner appears only after 200 ms: quick answers
 * do not flash it, and Ant Design's spinner, when switched off before its opening animation has
 * begun, stays in the button and renames it "loading 登录" for screen readers and browser tests.
 */
export function busy(on: boolean): false | { delay: number } {
  return on ? { delay: 200 } : false;
}

/** The Chinese text for any error: the server's detail, or a generic message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return '发生未知错误，请重试';
}

/** Shows why data could not be loaded; a 403 reads as "no permission", not as a failure. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) {
    return <Result status="403" title="无权访问" subTitle={error.detail || '您的账号没有查看此内容的权限。'} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      message="加载失败"
      description={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

/** The message above a form whose submission failed (field messages appear beside the fields). */
export function FormError({ message, onClose }: { message: string | null; onClose?: () => void }) {
  if (!message) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={message}
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16 }}
      role="alert"
    />
  );
}
