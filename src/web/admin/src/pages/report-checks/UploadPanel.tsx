/**
 * Uploading published reports for 年报体检: files or a whole folder (`webkitdirectory`), sent
 * in requests that stay under the server's limits (upload-limits.ts), each file read and
 * stored by the server as `import-report --save` does. Every file's outcome is listed.
 */
import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Progress,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { UPLOAD_BATCH_BYTES, UPLOAD_MAX_FILES } from '../../../../../domain/report/upload-limits.ts';
import { reportChecksApi, type UploadResult } from '../../api/report-checks.ts';
import { errorMessage } from '../../lib/ui.tsx';
import { UPLOAD_STATUS } from './labels.ts';

/** A file's bytes as base64 (in slices: String.fromCharCode takes a limited number of arguments). */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Splits files into requests of at most UPLOAD_MAX_FILES files and about UPLOAD_BATCH_BYTES. */
function batches(files: File[]): File[][] {
  const out: File[][] = [];
  let current: File[] = [];
  let size = 0;
  for (const f of files) {
    if (current.length > 0 && (current.length >= UPLOAD_MAX_FILES || size + f.size > UPLOAD_BATCH_BYTES)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.size;
  }
  if (current.length) out.push(current);
  return out;
}

const nameOf = (f: File) => f.webkitRelativePath || f.name;

/** The upload card; `onUploaded` runs after each request so the list can refresh. */
export function UploadPanel({ onUploaded }: { onUploaded: () => void }) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [results, setResults] = useState<UploadResult[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Stated by the person uploading, for files that do not say their year or agency themselves.
  const [statedYear, setStatedYear] = useState<number | null>(null);
  const [statedAgency, setStatedAgency] = useState('');

  const upload = async (list: FileList | null) => {
    // Hidden files (.DS_Store and the like) in a folder are not reports.
    const files = [...(list ?? [])]
      .filter(
        (f) =>
          !nameOf(f)
            .split('/')
            .some((part) => part.startsWith('.')),
      )
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    if (files.length === 0) return;
    setResults([]);
    setError(null);
    setProgress({ done: 0, total: files.length });
    let done = 0;
    try {
      for (const batch of batches(files)) {
        const body = await Promise.all(
          batch.map(async (f) => ({
            name: nameOf(f),
            content: await toBase64(f),
            ...(statedYear ? { year: statedYear } : {}),
            ...(statedAgency.trim() ? { agency: statedAgency.trim() } : {}),
          })),
        );
        const res = await reportChecksApi.upload(body);
        setResults((r) => [...r, ...res.results]);
        done += batch.length;
        setProgress({ done, total: files.length });
        onUploaded();
      }
    } catch (e) {
      setError(`上传中断（已处理${done}个文件）：${errorMessage(e)}`);
    } finally {
      setProgress(null);
      if (filesInput.current) filesInput.current.value = '';
      if (folderInput.current) folderInput.current.value = '';
    }
  };

  const columns: TableColumnsType<UploadResult> = [
    { title: '文件', dataIndex: 'file', key: 'file' },
    {
      title: '结果',
      key: 'status',
      width: 110,
      render: (_, r) => <Tag color={UPLOAD_STATUS[r.status]?.color}>{UPLOAD_STATUS[r.status]?.text}</Tag>,
    },
    {
      title: '机关与年度',
      key: 'agency',
      render: (_, r) =>
        r.error ? (
          <Typography.Text type="danger">{r.error}</Typography.Text>
        ) : (
          <>
            {`${r.agencyName || '（未识别机关）'} ${r.year}年`}
            {r.detection ? (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {r.detection}
              </Typography.Text>
            ) : null}
          </>
        ),
    },
    {
      title: '检查结果',
      key: 'counts',
      width: 180,
      render: (_, r) => (r.error ? '—' : `错误${r.counts.error}条，警告${r.counts.warning}条`),
    },
  ];

  return (
    <Card title="上传年度报告" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        可上传各机关已公布的年度报告：网页（HTML）、Word（DOCX）、PDF（须有文字层）或文本，可一次选择多个文件或整个文件夹。系统按文件内容识别格式、读取表格并检查（规则R1–R11），结果保存在本平台；同一文件只保存一次。
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <label htmlFor="report-stated-year">年度</label>
        <InputNumber
          id="report-stated-year"
          min={2008}
          max={2099}
          precision={0}
          placeholder="如 2019"
          value={statedYear}
          onChange={(v) => setStatedYear(typeof v === 'number' ? v : null)}
        />
        <label htmlFor="report-stated-agency">机关</label>
        <Input
          id="report-stated-agency"
          style={{ width: 260 }}
          maxLength={100}
          placeholder="发布机关全称"
          value={statedAgency}
          onChange={(e) => setStatedAgency(e.target.value)}
        />
        <Typography.Text type="secondary">
          仅当文件本身没有写明年度或机关时填写；与文件所写不符时会给出提示。
        </Typography.Text>
      </Flex>
      <Flex gap={8} wrap>
        <input
          ref={filesInput}
          id="report-files"
          type="file"
          multiple
          hidden
          onChange={(e) => void upload(e.target.files)}
        />
        <input
          ref={folderInput}
          id="report-folder"
          type="file"
          multiple
          hidden
          onChange={(e) => void upload(e.target.files)}
          {...({ webkitdirectory: '', directory: '' } as Record<string, string>)}
        />
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={progress !== null}
          onClick={() => filesInput.current?.click()}
        >
          选择文件
        </Button>
        <Button icon={<FolderOpenOutlined />} disabled={progress !== null} onClick={() => folderInput.current?.click()}>
          选择文件夹
        </Button>
      </Flex>
      {progress ? (
        <Progress
          percent={Math.round((progress.done / progress.total) * 100)}
          format={() => `${progress.done}/${progress.total}`}
          style={{ marginTop: 12 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginTop: 12 }} /> : null}
      {results.length ? (
        <Table
          style={{ marginTop: 12 }}
          rowKey={(r) => `${r.file}|${r.id ?? r.error ?? ''}`}
          size="small"
          columns={columns}
          dataSource={results}
          pagination={results.length > 10 ? { pageSize: 10 } : false}
        />
      ) : null}
    </Card>
  );
}
