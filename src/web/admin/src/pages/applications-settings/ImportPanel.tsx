/**
 * 历史数据导入: an agency that starts on Gongkai mid-stream brings in its earlier applications
 * and their results, so that carry-over and table 三 are right from its first year. The file is
 * checked first (a dry run listing every row's problems with their reasons); then the user imports
 * it whole, or — only if they ask — just the rows without problems. Columns: the template.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Flex, Popconfirm, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { LEGACY_COLUMNS } from '../../../../../domain/applications/legacy.ts';
import {
  applicationToolsApi,
  type LegacyImportMode,
  type LegacyImportReport,
} from '../../api/applications-settings.ts';
import { ApiError } from '../../api/client.ts';
import { useAgencySearch } from '../../layout/AgencyContext.tsx';
import { busy, errorMessage } from '../../lib/ui.tsx';

const REQUIRED = new Set<string>(['申请人类型', '申请人', '收到申请之日']);

/** The text of a refusal: the server's detail and, for a file-level problem, its reason. */
function refusal(e: unknown): string {
  if (e instanceof ApiError)
    return [
      e.detail,
      ...Object.entries(e.fieldErrors)
        .filter(([k]) => !k.startsWith('row'))
        .map(([, v]) => v),
    ]
      .filter((x, i, all) => x && all.indexOf(x) === i)
      .join('；');
  return errorMessage(e);
}

export function ImportPanel({ agencyId, agencyName }: { agencyId: string; agencyName: string }) {
  const search = useAgencySearch();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<LegacyImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<LegacyImportMode | null>(null);

  const run = async (mode: LegacyImportMode, chosen: File) => {
    setRunning(mode);
    setError(null);
    try {
      setReport(await applicationToolsApi.importLegacy(agencyId, chosen, mode));
    } catch (e) {
      setError(refusal(e));
      if (mode === 'check') setReport(null);
    } finally {
      setRunning(null);
    }
  };
  const choose = (chosen: File) => {
    setFile(chosen);
    setReport(null);
    void run('check', chosen);
  };
  const imported = report !== null && report.imported > 0;
  const invalid = report?.errors.length ?? 0;

  return (
    <Card title={agencyName ? `导入历史申请（${agencyName}）` : '导入历史申请'}>
      <Typography.Paragraph>
        首次使用本平台时，可以导入以往的政府信息公开申请及其办理结果，使结转件数和年度报告表三从第一年起就准确。文件为
        XLSX（读取第一个工作表）或 CSV（UTF-8 或 GB18030），第一行为列名，每行一件申请。 带 *
        的列必须填写；各列的填写方法见模板中的“填写说明”。先检查文件，列出每一行的问题；没有问题才导入，或者在您选择时只导入无误的行。
      </Typography.Paragraph>
      <Typography.Paragraph>
        列：{LEGACY_COLUMNS.map((c) => (REQUIRED.has(c) ? `${c}*` : c)).join('、')}
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={applicationToolsApi.templateUrl('xlsx')}>
          下载模板（XLSX）
        </Button>
        <Button icon={<DownloadOutlined />} href={applicationToolsApi.templateUrl('csv')}>
          下载模板（CSV）
        </Button>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={busy(running === 'check')}>
            选择文件并检查
          </Button>
        </Upload>
      </Flex>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message="未能处理文件"
          description={error}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {file && report ? (
        <>
          <Alert
            role="status"
            showIcon
            type={imported ? 'success' : invalid ? 'warning' : 'info'}
            style={{ marginBottom: 16 }}
            message={
              imported
                ? `已导入 ${report.imported} 件${invalid ? `，有误的 ${invalid} 行未导入` : ''}`
                : `检查结果（${file.name}）：共 ${report.rows} 行，${report.valid} 行无误，${invalid} 行有误，尚未导入`
            }
            description={
              imported ? (
                <Link to={`/applications${search}`}>到依申请公开收件箱查看</Link>
              ) : invalid ? (
                '请修改有误的行后重新选择文件检查；也可以只导入无误的行，有误的行修改后再另行导入。'
              ) : (
                '文件没有问题，可以导入。'
              )
            }
          />
          {!imported ? (
            <Flex gap={8} style={{ marginBottom: 16 }}>
              {invalid === 0 ? (
                <Button type="primary" loading={busy(running === 'all')} onClick={() => void run('all', file)}>
                  导入全部 {report.valid} 行
                </Button>
              ) : report.valid > 0 ? (
                <Popconfirm
                  title={`有 ${invalid} 行有误，不会导入。确定只导入无误的 ${report.valid} 行吗？`}
                  okText="导入"
                  cancelText="取消"
                  onConfirm={() => run('valid', file)}
                >
                  <Button loading={busy(running === 'valid')}>只导入无误的 {report.valid} 行</Button>
                </Popconfirm>
              ) : null}
              <Button onClick={() => void run('check', file)} loading={busy(running === 'check')}>
                重新检查
              </Button>
            </Flex>
          ) : null}
          {invalid ? (
            <Table
              size="small"
              rowKey="row"
              pagination={invalid > 20 ? { pageSize: 20 } : false}
              dataSource={report.errors}
              aria-label="有误的行"
              columns={[
                { title: '行号', dataIndex: 'row', width: 80, render: (n: number) => `第 ${n} 行` },
                {
                  title: '问题',
                  dataIndex: 'messages',
                  render: (m: string[]) =>
                    m.length === 1 ? (
                      m[0]
                    ) : (
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {m.map((x) => (
                          <li key={x}>{x}</li>
                        ))}
                      </ul>
                    ),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
