/**
 * Operator errors — a database that cannot be reached or opened, a port that cannot be listened
 * on — end a command with one Chinese line naming the setting and what to do, never a stack
 * trace. Anything not recognised here is a bug and keeps its stack.
 */

interface SystemError {
  code?: unknown;
  errno?: unknown;
  address?: unknown;
  port?: unknown;
  path?: unknown;
  message?: unknown;
}

const DB = 'GONGKAI_DATABASE_URL';

/** Why `listen` failed, in Chinese, or null when the error is something else. */
export function listenProblem(err: unknown, host: string, port: number, variable = 'GONGKAI_PORT'): string | null {
  const code = (err as SystemError | null)?.code;
  if (code === 'EADDRINUSE')
    return `端口 ${port} 已被占用（${variable}）：请先停止占用它的程序（如另一个 Gongkai），或设置其他端口`;
  if (code === 'EACCES')
    return `没有权限监听端口 ${port}（${variable}）：1024 以下的端口需要特权，请改用 3000 等端口并由 nginx 转发`;
  if (code === 'EADDRNOTAVAIL') return `本机没有地址 ${host}（GONGKAI_HOST）：请改为本机的地址，或 127.0.0.1、0.0.0.0`;
  return null;
}

/** One line for an operator error (database, file system, network), or null for anything else. */
export function operatorProblem(err: unknown): string | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as SystemError;
  const code = typeof e.code === 'string' ? e.code : '';
  const where = typeof e.address === 'string' ? `${e.address}${e.port ? `:${String(e.port)}` : ''}` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `无法连接数据库（${DB}）：${where || '服务器'} 拒绝连接；请确认 PostgreSQL 已启动，主机和端口正确`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `无法连接数据库（${DB}）：找不到数据库主机；请检查连接地址中的主机名`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `无法连接数据库（${DB}）：连接超时或网络不通；请检查主机、端口和防火墙`;
    case '28P01':
    case '28000':
      return `数据库拒绝登录（${DB}）：用户名或密码不对，或 pg_hba.conf 不允许从本机连接`;
    case '3D000':
      return `数据库不存在（${DB}）：请先创建，例如 createdb gongkai`;
    case '42501':
      return `数据库账号权限不足（${DB}）：需要在该库中建表的权限（迁移时）和读写权限`;
    case 'SQLITE_CANTOPEN':
      return `无法打开 SQLite 数据库文件（${DB}）：请检查路径存在且可写`;
    case 'SQLITE_READONLY':
      return `SQLite 数据库文件只读（${DB}）：请让运行 Gongkai 的用户可写该文件及其目录`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `${DB} 指向的文件不是可用的 SQLite 数据库（或已损坏）：请检查路径，或从备份恢复`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `没有权限写入 ${typeof e.path === 'string' ? e.path : '数据目录'}（GONGKAI_DATA_DIR / ${DB}）：请让运行 Gongkai 的用户可写`;
    default:
      return null;
  }
}

/** Fails fast, before anything is loaded or printed, when the port cannot be listened on. */
export async function assertCanListen(host: string, port: number, variable = 'GONGKAI_PORT'): Promise<string | null> {
  if (port === 0) return null;
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err) =>
      resolve(listenProblem(err, host, port, variable) ?? `无法监听 ${host}:${port}：${String(err)}`),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}
